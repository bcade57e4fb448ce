package dev.userconsole.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.PrintWriter;

/**
 * The streams a command talks through: data to {@code out}, messages to {@code err}. {@code console} is
 * the terminal for masked prompts, or {@code null} when there is none (a pipe, CI).
 */
public record Io(BufferedReader in, PrintWriter out, PrintWriter err, Console console) {
}
