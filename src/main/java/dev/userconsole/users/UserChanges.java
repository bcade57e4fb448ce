package dev.userconsole.users;

/** The fields to change; {@code null} leaves a field as it is. */
public record UserChanges(String firstName, String lastName, String newPassword) {

    public boolean isEmpty() {
        return firstName == null && lastName == null && newPassword == null;
    }

    @Override
    public String toString() {
        return "UserChanges[firstName=" + (firstName != null) + ", lastName=" + (lastName != null)
                + ", password=" + (newPassword != null) + "]";
    }
}
