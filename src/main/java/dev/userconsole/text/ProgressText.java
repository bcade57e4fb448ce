package dev.userconsole.text;

/** "[#####.......] 45% 4500/10000 rows, 1234/s, ETA 0:05": one line of progress for either face. */
public final class ProgressText {
    private static final int BAR_WIDTH = 24;

    private ProgressText() {
    }

    public static String line(long done, long total, double seconds, String unit) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(Math.min(100, done * 100 / total)).append("% ").append(done).append('/').append(total);
        } else {
            line.append(done);
        }
        line.append(' ').append(unit).append(String.format(", %.0f/s", rate));
        if (total > done && rate > 0) {
            long eta = (long) ((total - done) / rate);
            line.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
        }
        return line.toString();
    }
}
