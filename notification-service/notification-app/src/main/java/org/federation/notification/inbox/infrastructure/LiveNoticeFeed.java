package org.federation.notification.inbox.infrastructure;

import java.util.function.Consumer;

import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.inbox.web.NoticeStream;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Every instance's own view of {@code notification.events} (a consumer of its own: no group, from the
 * latest offset): pushes each posted notice to the {@link NoticeStream}s open here, so a portal
 * connected to any instance sees notices whichever instance posted them.
 */
@Configuration(proxyBeanMethods = false)
class LiveNoticeFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveNoticeFeed.class);

    @Bean
    Consumer<Message<byte[]>> liveNotices(InboundEvents inbound, NoticeStream stream) {
        return message -> {
            if (!stream.anyOpen()) {
                return; // nobody streams here: not even the envelope is read (a fan-out sends thousands)
            }
            try {
                EventEnvelope event = inbound.envelope(message);
                if (NotificationEventTypes.NOTICE_POSTED.equals(event.type())) {
                    NoticePosted posted = inbound.payload(event, NoticePosted.class);
                    stream.push(posted.recipient(), posted.noticeId());
                }
            } catch (RuntimeException e) {
                // a live view only: nothing is lost by skipping a message (the inbox has the notice)
                log.debug("Skipped a message on notification.events for the live stream: {}", e.getMessage());
            }
        };
    }
}
