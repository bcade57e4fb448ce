package dev.userconsole.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One command an administrator process ran, as it was told: wall-clock start and end in microseconds
 * since the epoch (comparable across processes on one machine), the exit code and what it printed.
 */
record OpRecord(int process, int seq, String op, String email, long startMicros, long endMicros, int exitCode,
                String out, String err) {

    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("process", process);
        fields.put("seq", seq);
        fields.put("op", op);
        fields.put("email", email);
        fields.put("start", startMicros);
        fields.put("end", endMicros);
        fields.put("exit", exitCode);
        fields.put("out", out);
        fields.put("err", err);
        return FlatJson.write(fields);
    }

    static OpRecord fromJson(String line) {
        Map<String, String> f = FlatJson.read(line);
        return new OpRecord(Integer.parseInt(f.get("process")), Integer.parseInt(f.get("seq")), f.get("op"),
                f.get("email"), Long.parseLong(f.get("start")), Long.parseLong(f.get("end")),
                Integer.parseInt(f.get("exit")), f.getOrDefault("out", ""), f.getOrDefault("err", ""));
    }

    /** Whether this operation's interval ends before the other's begins (so it surely took effect first). */
    boolean endsBefore(OpRecord other) {
        return endMicros < other.startMicros;
    }

    @Override
    public String toString() {
        return op + " " + email + " by process " + process + " #" + seq + " [" + startMicros + ".." + endMicros
                + "] exit " + exitCode;
    }
}
