package org.qinglang.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.casefile.CaseNotFoundException;
import org.qinglang.intake.InvalidComplaintException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as application/problem+json that names the field at fault; never a stack trace.
 */
@RestControllerAdvice(assignableTypes = ComplaintApiController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidComplaintException.class)
    ProblemDetail invalidComplaint(InvalidComplaintException e) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, List.of(Map.of("field", e.getField(), "message",
                e.getMessage())));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such case, or the link is invalid or has expired.");
        problem.setTitle("Case not found");
        return problem;
    }

    @ExceptionHandler(CaseNotAwaitingException.class)
    ProblemDetail notAwaiting(CaseNotAwaitingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Case is not waiting for this");
        return problem;
    }

    @ExceptionHandler(TooManyComplaintsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyComplaintsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many complaints");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, List.of(Map.of("field", e.getName(), "message",
                "invalid value '" + e.getValue() + "'")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message",
                        error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage()))
                .collect(Collectors.toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "body";
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST,
                List.of(Map.of("field", field, "message", "unreadable or wrongly typed value"))));
    }

    private static ProblemDetail fieldProblem(HttpStatus status, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message")).collect(Collectors.joining("; ")));
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Malformed request" : "Invalid complaint");
        problem.setProperty("errors", errors);
        return problem;
    }
}
