package org.federation.notification.directory.domain;

import org.federation.notification.directory.application.Recipients;

import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;

/**
 * Who may see and change what belongs to a recipient (an inbox, subscriptions, contact preferences):
 * a person their own; a department's members read and its head changes the department's; the
 * presidium all.
 */
public final class RecipientAccess {

    /** How a recipient is written in a request: {@code person:<number>} or {@code department:<name>}. */
    public static final String PATTERN = "person:[A-Za-z0-9_.-]+|department:[a-z-]+";
    public static final String PATTERN_MESSAGE = "must look like department:organization or person:2023010001";

    private RecipientAccess() {
    }

    public static boolean mayRead(Caller caller, String recipient) {
        return caller.isPresidium() || isSelf(caller, recipient)
                || (recipient.startsWith(Recipients.DEPARTMENT) && caller.inDepartment(nameOf(recipient)));
    }

    /**
     * Whose inbox it is: the person themself, or a department's members and head. Only owners mark
     * notices read or acknowledge them; the presidium reads every inbox but acts for nobody.
     */
    public static boolean owns(Caller caller, String recipient) {
        return isSelf(caller, recipient)
                || (recipient.startsWith(Recipients.DEPARTMENT) && caller.inDepartment(nameOf(recipient)));
    }

    public static boolean mayManage(Caller caller, String recipient) {
        return caller.isPresidium() || isSelf(caller, recipient)
                || (recipient.startsWith(Recipients.DEPARTMENT) && caller.headsDepartment(nameOf(recipient)));
    }

    /** 404 for a department the federation does not have. */
    public static void requireKnown(String recipient) {
        if (recipient.startsWith(Recipients.DEPARTMENT)
                && !org.federation.platform.security.FederationRole.DEPARTMENTS.contains(nameOf(recipient))) {
            throw new org.federation.platform.problem.ResourceNotFoundException("department", nameOf(recipient));
        }
    }

    public static void requireRead(Caller caller, String recipient, String what) {
        requireKnown(recipient);
        if (!mayRead(caller, recipient)) {
            throw new ForbiddenException(what + " of " + recipient + " is read only by its owner "
                    + "(a person, or a department's members and head) and the presidium");
        }
    }

    public static void requireManage(Caller caller, String recipient, String what) {
        requireKnown(recipient);
        if (!mayManage(caller, recipient)) {
            throw new ForbiddenException(what + " of " + recipient + " is changed only by its owner "
                    + "(a person, or a department's head) and the presidium");
        }
    }

    private static boolean isSelf(Caller caller, String recipient) {
        return recipient.startsWith(Recipients.PERSON) && caller.is(nameOf(recipient));
    }

    private static String nameOf(String recipient) {
        return recipient.substring(recipient.indexOf(':') + 1);
    }
}
