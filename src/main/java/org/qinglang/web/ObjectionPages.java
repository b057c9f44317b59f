package org.qinglang.web;

import org.qinglang.escalation.Objections;
import org.qinglang.security.AccessTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account holder's objection to an enforcement decision, through the signed link of the
 * statement of reasons the platform passed on. A link for another case, or none, answers 404.
 */
@Controller
public class ObjectionPages {

    private final Objections objections;
    private final AccessTokens tokens;

    ObjectionPages(Objections objections, AccessTokens tokens) {
        this.objections = objections;
        this.tokens = tokens;
    }

    @GetMapping("/objections/{caseNumber}")
    public String form(@PathVariable String caseNumber, @RequestParam(required = false) String token, Model model) {
        authorise(caseNumber, token);
        return page(caseNumber, token, model);
    }

    @PostMapping("/objections/{caseNumber}")
    public String object(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String text, Model model) {
        authorise(caseNumber, token);
        if (!objections.canObject(caseNumber)) {
            return page(caseNumber, token, model);
        }
        if (text.isBlank() || text.length() > Objections.MAX_TEXT) {
            model.addAttribute("problem", "objection.text-required");
            return page(caseNumber, token, model);
        }
        objections.file(caseNumber, text);
        model.addAttribute("caseNumber", caseNumber);
        return "objection-filed";
    }

    private String page(String caseNumber, String token, Model model) {
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("token", token);
        model.addAttribute("open", objections.canObject(caseNumber));
        model.addAttribute("objections", objections.of(caseNumber));
        return "objection";
    }

    private void authorise(String caseNumber, String token) {
        SignedLinks.require(tokens, AccessTokens.Purpose.ACCOUNT_OBJECTION, caseNumber, token);
    }
}
