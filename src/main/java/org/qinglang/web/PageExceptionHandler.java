package org.qinglang.web;

import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.casefile.CaseNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/** Readable pages, in the visitor's language, for what goes wrong on the public pages. */
@ControllerAdvice(assignableTypes = {PublicPages.class, PlatformResponsePages.class, AnnouncementPages.class,
    StatisticsPages.class, ReferralPackageDownloads.class, StaffDecisionDocuments.class, PolicePages.class,
    ObjectionPages.class, CaseFilePages.class, CaseSearchPages.class, LeadPages.class, RegisterPages.class})
class PageExceptionHandler {

    @ExceptionHandler(CaseNotAwaitingException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String notAwaiting(Model model) {
        model.addAttribute("status", 409);
        return "error";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        return "error";
    }

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(TooManyComplaintsException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(TooManyComplaintsException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        model.addAttribute("status", 429);
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("status", 413);
        return "error";
    }
}
