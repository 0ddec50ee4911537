package org.federation.finance;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * finance-service's sweep runs on a schedule. (How dates are stored: {@code infrastructure.FinanceStorage};
 * amounts in requests are whole numbers of fen and dates ISO text: platform's {@code StrictJsonTypes}
 * sees to that in every service.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FinanceConfiguration {
}
