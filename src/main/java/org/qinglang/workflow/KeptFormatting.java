package org.qinglang.workflow;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An edited model saved so that its file changes only where the model changed. The browser editor
 * sends two exports in its own format: of the model as it opened (the baseline) and as edited. Their
 * line differences are applied to the file as it is, found there through the lines the file shares
 * with the baseline; everything else of the file, its line endings too, stays byte for byte. Where a
 * change falls on lines the file writes differently, the edited export is saved whole instead.
 */
final class KeptFormatting {

    /** The file to save, and whether it kept the old file's formatting. */
    record Result(byte[] content, boolean kept) {
    }

    private KeptFormatting() {
    }

    static Result apply(byte[] original, String baseline, String edited) {
        String originalText = new String(original, StandardCharsets.UTF_8);
        String separator = originalText.contains("\r\n") ? "\r\n" : "\n";
        List<String> editedLines = lines(edited);
        if (baseline == null || baseline.isBlank()) {
            return new Result(join(editedLines, separator, originalText.endsWith("\n")), false);
        }
        List<String> baselineLines = lines(baseline);
        List<String> fileLines = new ArrayList<>(lines(originalText));
        Patch<String> edit = DiffUtils.diff(baselineLines, editedLines);
        if (edit.getDeltas().isEmpty()) {
            return new Result(original, true);
        }
        int[] inFile = alignment(baselineLines, fileLines);
        List<AbstractDelta<String>> deltas = new ArrayList<>(edit.getDeltas());
        // From the end, so that each change leaves the places of those before it where they were.
        for (int d = deltas.size() - 1; d >= 0; d--) {
            AbstractDelta<String> delta = deltas.get(d);
            int from = delta.getSource().getPosition();
            int count = delta.getSource().size();
            int at;
            if (count == 0) {
                at = from > 0 && inFile[from - 1] >= 0 ? inFile[from - 1] + 1
                        : from < inFile.length && inFile[from] >= 0 ? inFile[from] : -1;
            } else {
                at = inFile[from];
                for (int i = 0; i < count; i++) {
                    if (at < 0 || inFile[from + i] != at + i) {
                        at = -1;
                        break;
                    }
                }
            }
            if (at < 0) {
                return new Result(join(editedLines, separator, originalText.endsWith("\n")), false);
            }
            fileLines.subList(at, at + count).clear();
            fileLines.addAll(at, delta.getTarget().getLines());
        }
        return new Result(join(fileLines, separator, originalText.endsWith("\n")), true);
    }

    /** For each baseline line, the file's line that is the same line in the same place; -1 where none. */
    private static int[] alignment(List<String> baseline, List<String> file) {
        int[] inFile = new int[baseline.size()];
        Arrays.fill(inFile, -1);
        int b = 0;
        int f = 0;
        for (AbstractDelta<String> difference : DiffUtils.diff(baseline, file).getDeltas()) {
            while (b < difference.getSource().getPosition()) {
                inFile[b++] = f++;
            }
            b += difference.getSource().size();
            f += difference.getTarget().size();
        }
        while (b < baseline.size()) {
            inFile[b++] = f++;
        }
        return inFile;
    }

    private static List<String> lines(String text) {
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(body.split("\r?\n", -1)));
    }

    private static byte[] join(List<String> lines, String separator, boolean finalNewline) {
        return (String.join(separator, lines) + (finalNewline ? separator : "")).getBytes(StandardCharsets.UTF_8);
    }
}
