package io.dealsync.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One member of the partner's deal team: first name, last name, phone, email. */
public final class TeamMember {
    private final String firstName;
    private final String lastName;
    private final String phone;
    private final String email;

    public TeamMember(String firstName, String lastName, String phone, String email) {
        this.firstName = Text.clean(firstName);
        this.lastName = Text.clean(lastName);
        this.phone = Text.clean(phone);
        this.email = Text.clean(email);
    }

    /** Reads the template's cell form {@code First, Last, phone, email}. */
    public static TeamMember parse(String cell) {
        String[] parts = cell.split(",", -1);
        return new TeamMember(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3));
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    /** The template's cell form. */
    public String toCell() {
        return String.join(", ", firstName, lastName, phone, email);
    }

    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }

    /** All four parts present. */
    public boolean isComplete() {
        return !firstName.isEmpty() && !lastName.isEmpty() && !phone.isEmpty() && !email.isEmpty();
    }

    /** Complete, with a phone and an email that look real (docs/domain.md, "Plausible contact data"). */
    public boolean isPlausible() {
        return isComplete() && Contact.isPlausiblePhone(phone) && Contact.isPlausibleEmail(email);
    }

    /** What is wrong with this member (R4): "the phone is missing", parts joined by "; " ("" when nothing). */
    public String problems() {
        List<String> parts = new ArrayList<>(4);
        if (firstName.isEmpty()) {
            parts.add("the first name is missing");
        }
        if (lastName.isEmpty()) {
            parts.add("the last name is missing");
        }
        if (phone.isEmpty()) {
            parts.add("the phone is missing");
        } else if (!Contact.isPlausiblePhone(phone)) {
            parts.add("the phone '" + phone + "' is not plausible (" + Contact.PHONE_FORM + ")");
        }
        if (email.isEmpty()) {
            parts.add("the email is missing");
        } else if (!Contact.isPlausibleEmail(email)) {
            parts.add("the email '" + email + "' is not plausible (" + Contact.EMAIL_FORM + ")");
        }
        return String.join("; ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeamMember t && firstName.equals(t.firstName) && lastName.equals(t.lastName)
                && phone.equals(t.phone) && email.equals(t.email);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, phone, email);
    }

    /** No names, phones or emails: this may reach a log. */
    @Override
    public String toString() {
        return "TeamMember[complete=" + isComplete() + "]";
    }
}
