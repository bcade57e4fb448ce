package dev.userconsole.users;

/** What an administrator types to create a user; validated and normalised by the controller. */
public record NewUser(String email, String firstName, String lastName, String password) {

    @Override
    public String toString() {
        return "NewUser[" + email + "]";
    }
}
