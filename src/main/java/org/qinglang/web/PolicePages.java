package org.qinglang.web;

import org.qinglang.escalation.PoliceAnswer;
import org.qinglang.escalation.PoliceAnswers;
import org.qinglang.security.AccessTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The police liaison's answer about a referral (结果反馈), through the signed link of the referral
 * mail: received, a case opened or not, the result. A link for another case, or none, answers 404.
 */
@Controller
public class PolicePages {

    private final PoliceAnswers answers;
    private final AccessTokens tokens;

    PolicePages(PoliceAnswers answers, AccessTokens tokens) {
        this.answers = answers;
        this.tokens = tokens;
    }

    @GetMapping("/police/answer/{caseNumber}")
    public String form(@PathVariable String caseNumber, @RequestParam(required = false) String token, Model model) {
        authorise(caseNumber, token);
        return page(caseNumber, token, model);
    }

    @PostMapping("/police/answer/{caseNumber}")
    public String answer(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String text,
            Model model) {
        authorise(caseNumber, token);
        PoliceAnswer.Status answered;
        try {
            answered = PoliceAnswer.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "police.status");
            return page(caseNumber, token, model);
        }
        if ((answered == PoliceAnswer.Status.NOT_OPENED || answered == PoliceAnswer.Status.RESULT) && text.isBlank()) {
            model.addAttribute("problem", "police.text-required");
            return page(caseNumber, token, model);
        }
        answers.answer(caseNumber, answered, text);
        model.addAttribute("caseNumber", caseNumber);
        return "police-answered";
    }

    private String page(String caseNumber, String token, Model model) {
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("token", token);
        model.addAttribute("statuses", PoliceAnswer.Status.values());
        model.addAttribute("answers", answers.of(caseNumber));
        return "police-answer";
    }

    private void authorise(String caseNumber, String token) {
        SignedLinks.require(tokens, AccessTokens.Purpose.POLICE_REFERRAL, caseNumber, token);
    }
}
