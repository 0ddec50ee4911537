package org.federation.platform.devtoken;

import java.util.List;

/**
 * A person the development token issuer can sign in.
 *
 * @param id      the fixed demo id to ask a token for ({@code POST /dev/token {"user": id}})
 * @param subject the token's subject: the student or staff number
 * @param name    the person's name
 * @param email   where notices reach them
 * @param roles   federation-wide roles, as the token carries them
 * @param about   who this is in the demo (e.g. which club they lead); club-scoped rights are not in the token
 */
public record DemoUser(String id, String subject, String name, String email, List<String> roles, String about) {
}
