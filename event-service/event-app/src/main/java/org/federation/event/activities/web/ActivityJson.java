package org.federation.event.activities.web;

import org.federation.event.activities.domain.Activity;
import org.springframework.boot.jackson.JacksonMixin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How an activity is written in the API: without its budget request, which only the federation's
 * staff and the organising clubs' leaders read ({@code GET /api/activities/{id}/budget-request}),
 * while the organising clubs' members may read the activity.
 */
@JacksonMixin(Activity.class)
@JsonIgnoreProperties("budgetRequest")
abstract class ActivityJson {
}
