package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.input.KeyStroke;

/** A screen shown in the main window between the status line and the footer. */
interface View {

    Component component();

    /** Puts the keyboard focus where the user starts on this view. */
    void focus();

    /** The key hints the footer shows while this view is active. */
    String hints();

    /** Handles a key before the focused component sees it; returns true when the key was used. */
    boolean onKey(KeyStroke key);

    /** Called when the view becomes visible, and after the terminal is resized. */
    default void onShow() {
    }

    /** Called when another view replaces this one: stop work whose results nobody will see. */
    default void onHide() {
    }
}
