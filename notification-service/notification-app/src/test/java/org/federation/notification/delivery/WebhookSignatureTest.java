package org.federation.notification.delivery;

import org.federation.notification.delivery.domain.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature as a receiver checks it. */
class WebhookSignatureTest {

    static final String BODY = "{\"noticeId\":\"n1\",\"title\":\"社团风采节\"}";

    @Test
    void aReceiverVerifiesTheSignatureWithTheSecretOverTimestampAndBody() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.header(secret, 1_790_000_000L, BODY);
        assertThat(header).matches("t=1790000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(header, secret, BODY, 1_790_000_100L, 300)).isTrue();
    }

    @Test
    void anotherSecretAChangedBodyAMovedTimestampOrAStaleOneFail() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.header(secret, 1_790_000_000L, BODY);
        assertThat(WebhookSignature.verify(header, WebhookSignature.newSecret(), BODY, 1_790_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(header, secret, BODY.replace("n1", "n2"), 1_790_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(header.replace("t=1790000000", "t=1790000001"), secret, BODY, 1_790_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(header, secret, BODY, 1_790_000_301L, 300)).as("replayed too late").isFalse();
        assertThat(WebhookSignature.verify("v1=abc", secret, BODY, 1_790_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(null, secret, BODY, 1_790_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret).startsWith("whsec_");
    }
}
