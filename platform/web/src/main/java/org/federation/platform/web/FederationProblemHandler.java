package org.federation.platform.web;

import java.util.List;

import org.federation.platform.problem.ConcurrentChangeException;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RejectedEntriesException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.problem.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error into RFC 9457 problem details with a precise status and a message that
 * names the field and the reason. Nothing here ever answers 500 for bad input.
 */
@RestControllerAdvice
public class FederationProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FederationProblemHandler.class);

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail notFound(ResourceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail conflict(StateConflictException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict with current state", e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Not allowed in the current state",
                e.getMessage());
        problem.setProperty("currentState", e.currentState());
        problem.setProperty("allowedActions", e.allowedActions());
        return problem;
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ProblemDetail concurrentUpdate(ConcurrentChangeException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Changed concurrently",
                e.getMessage() + "; reload and try again");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Already exists",
                "a record with the same unique value already exists");
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.RULE_VIOLATION,
                "Rule violated", e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(RejectedEntriesException.class)
    ProblemDetail rejectedEntries(RejectedEntriesException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.RULE_VIOLATION,
                "Entries rejected", e.getMessage());
        problem.setProperty("rejected", e.rejected());
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
        return validation(errors);
    }

    @ExceptionHandler(org.federation.platform.idempotency.IdempotencyKeyRequiredException.class)
    ProblemDetail idempotencyKeyRequired(org.federation.platform.idempotency.IdempotencyKeyRequiredException e) {
        String header = org.federation.platform.idempotency.IdempotencyKeys.HEADER;
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.IDEMPOTENCY_KEY_REQUIRED,
                header + " required", e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(header, "is required on this command")));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "the request could not be completed; nothing was changed by the failed step");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestBodyLimit.TooLarge.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.TOO_LARGE, "Request body too large", e.getMostSpecificCause().getMessage()));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed request body",
                describe(e));
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return "field '" + path(invalid) + "': value " + invalid.getValue() + " is not a valid "
                    + invalid.getTargetType().getSimpleName() + allowed(invalid.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "field '" + path(mismatched) + "': expected " + (mismatched.getTargetType() == null ? "another type"
                    : mismatched.getTargetType().getSimpleName());
        }
        if (cause instanceof DatabindException databind) {
            return "field '" + path(databind) + "': " + databind.getOriginalMessage();
        }
        if (cause instanceof JacksonException jackson) {
            return "the body is not valid JSON: " + jackson.getOriginalMessage();
        }
        return "the request body is missing or unreadable";
    }

    private static String allowed(Class<?> type) {
        if (type.isEnum()) {
            return "; allowed: " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.getPackageName().equals("java.time")) {
            return " (ISO text within " + AcceptedDates.STORABLE + ")";
        }
        return "";
    }

    private static String path(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? "(body)" : path;
    }

    private static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
