package org.federation.finance;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * finance-service's storage conventions: dates (booking dates, periods) are stored as ISO text
 * ({@code 2026-10-31}), which sorts and compares correctly and does not depend on any machine's
 * time zone. Amounts in requests are whole numbers of fen. The sweep runs on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FinanceConfiguration {

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

    /**
     * Money is whole fen: {@code "amountFen": 12.5} and {@code "amountFen": "1250"} are refused
     * (400) instead of being cut to 12 or read from text, so no amount is ever guessed.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer amountsAreWholeNumbers() {
        return builder -> builder.withCoercionConfig(tools.jackson.databind.type.LogicalType.Integer, config -> config
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.String, tools.jackson.databind.cfg.CoercionAction.Fail));
    }

    /**
     * A date in a request is ISO text ({@code "2026-10-31"}) and nothing else: Jackson would also
     * read {@code 7} as 8 January 1970, {@code [2026,10,31]} as a date and {@code []} as no date.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer datesAreIsoText() {
        tools.jackson.databind.module.SimpleModule module = new tools.jackson.databind.module.SimpleModule("iso-dates");
        module.addDeserializer(LocalDate.class, new IsoDate());
        return builder -> builder.addModule(module);
    }

    static final class IsoDate extends tools.jackson.databind.deser.std.StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(tools.jackson.core.JsonParser parser, tools.jackson.databind.DeserializationContext context) {
            if (!parser.hasToken(tools.jackson.core.JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString().strip();
            try {
                return LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "not an ISO date such as 2026-10-31");
            }
        }
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(LocalDateToText.INSTANCE, TextToLocalDate.INSTANCE));
    }
}
