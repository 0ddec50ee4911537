package org.federation.finance.infrastructure;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * finance-service's storage conventions, shared by every feature: dates (booking dates, periods)
 * are stored as ISO text ({@code 2026-10-31}), which sorts and compares correctly and does not
 * depend on any machine's time zone.
 */
@Configuration(proxyBeanMethods = false)
class FinanceStorage {

    @WritingConverter
    enum LocalDateToText implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum TextToLocalDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(LocalDateToText.INSTANCE, TextToLocalDate.INSTANCE));
    }
}
