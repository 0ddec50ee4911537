package org.federation.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves an {@link IdempotencyKey} parameter from the header, or refuses the request with
 * {@link IdempotencyKeyRequiredException} (428). The key's form was checked by
 * {@link IdempotencyFilter} already (400 for an invalid one).
 */
class IdempotencyKeyArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return IdempotencyKey.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String key = webRequest.getHeader(IdempotencyKeys.HEADER);
        if (key == null || key.isEmpty()) {
            throw new IdempotencyKeyRequiredException(request == null ? "" : request.getMethod(),
                    request == null ? "" : request.getRequestURI());
        }
        String principal = request == null ? null : IdempotencyFilter.principalOf(request);
        Object fingerprint = request == null ? null : request.getAttribute(IdempotencyFilter.PER_REQUEST_FINGERPRINT);
        return new IdempotencyKey(IdempotencyKeys.callerOf(principal), key, fingerprint instanceof String f ? f : null);
    }
}
