package org.federation.notification.directory.web;

import org.federation.notification.directory.domain.KnownPeople;

import java.util.List;

import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every signed-in call teaches the directory who the caller is (roles and e-mail from the token):
 * department membership and liaison officers are known this way until the roster events arrive,
 * and a person's contact preferences start from their token's e-mail.
 */
@Configuration(proxyBeanMethods = false)
class SignIns implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final KnownPeople people;

    SignIns(KnownPeople people) {
        this.people = people;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
                    try {
                        people.seen(Caller.of(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("email"),
                                jwt.getClaimAsStringList("roles") == null ? List.of() : jwt.getClaimAsStringList("roles")));
                    } catch (RuntimeException e) {
                        log.warn("Could not record the sign-in of {}; the call goes on", jwt.getSubject(), e);
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
