package org.federation.platform.web;

import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON value of the wrong type is refused (400), never converted into a plausible fact.
 * Jackson would read {@code "foundedOn": 123} as 4 May 1970, {@code [2026,10,31]} as a date,
 * {@code "amountFen": 12.5} as 12, {@code "amountFen": "1250"} as 1250 and {@code 3} as
 * {@code true}; a client's typo would then be recorded as if someone had said it. Every service
 * gets these rules from one place, the web auto-configuration.
 *
 * <ul>
 *   <li>dates and times ({@code java.time}, except {@link Year} and zone ids, whose natural
 *       JSON form may be a number) are ISO text only, within the dates {@link AcceptedDates} accepts;</li>
 *   <li>whole numbers (amounts in fen, counts) are JSON integers only: no fractions, no text;</li>
 *   <li>decimal numbers are JSON numbers, not text;</li>
 *   <li>yes/no is {@code true}/{@code false}, not a number.</li>
 * </ul>
 */
public final class StrictJsonTypes {

    private StrictJsonTypes() {
    }

    /** Applies the rules to a mapper being built (Boot's, or a test's). */
    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        SimpleModule module = new SimpleModule("federation-strict-json-types");
        module.setDeserializerModifier(new TextOnlyDates());
        return builder
                .addModule(module)
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /** Wraps Jackson's own java.time readers so that only text reaches them. */
    static final class TextOnlyDates extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean dateOrTime = type.getPackageName().equals("java.time") && type != Year.class
                    && !ZoneId.class.isAssignableFrom(type) && type != ZoneOffset.class
                    && !type.isEnum();
            return dateOrTime ? new TextOnly(deserializer) : deserializer;
        }
    }

    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            // text is the API's form; an embedded object is a value already converted in memory
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                Object value = super.deserialize(parser, context);
                if (!AcceptedDates.storable(value)) {
                    throw tools.jackson.databind.exc.InvalidFormatException.from(parser,
                            "beyond " + AcceptedDates.STORABLE, text, _delegatee.handledType());
                }
                return value;
            }
            if (parser.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT)) {
                return super.deserialize(parser, context);
            }
            return context.handleUnexpectedToken(_delegatee.handledType(), parser);
        }
    }
}
