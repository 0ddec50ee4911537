package org.federation.club.founding.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the initiators withdraw their application. */
public record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {
}
