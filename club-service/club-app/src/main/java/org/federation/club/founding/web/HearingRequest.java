package org.federation.club.founding.web;

import java.time.Instant;
import java.util.List;

import org.federation.club.founding.domain.PanelMember;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A founding defense hearing to schedule.
 *
 * @param scheduledAt when it begins (ISO instant, in the future); the panel votes from then on
 * @param place       where
 * @param panel       the panel: federation members' student or staff numbers and names
 */
public record HearingRequest(@NotNull @Future(message = "must be in the future") Instant scheduledAt,
                             @NotBlank @Size(max = 200) String place,
                             @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Member> panel) {

    public record Member(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
                         String number,
                         @NotBlank @Size(max = 60) String name) {
    }

    List<PanelMember> members() {
        return panel.stream().map(m -> new PanelMember(m.number(), m.name())).toList();
    }
}
