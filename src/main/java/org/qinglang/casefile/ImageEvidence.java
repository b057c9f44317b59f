package org.qinglang.casefile;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import javax.imageio.ImageIO;

/**
 * What an image says of itself and how it looks: its EXIF capture date, camera and software (with
 * metadata-extractor; whether it carries a location, which is never shown), and a 64-bit perceptual
 * hash (DCT of a 32×32 grey copy), so that a picture reported before — resized, recompressed —
 * is found again: "this picture was already reported on 2026-05-02".
 */
public final class ImageEvidence {

    /** What was read; any part may be missing. */
    public record Description(String takenAt, String camera, String software, boolean hasLocation, Long perceptualHash) {
    }

    /** Pictures this close (differing bits of 64) count as the same picture. */
    public static final int SAME_PICTURE = 10;

    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ImageEvidence() {
    }

    public static Description describe(byte[] image) {
        String takenAt = null;
        String camera = null;
        String software = null;
        boolean location = false;
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                // EXIF times carry no zone: as written by the camera.
                Date original = exif.getDateOriginal(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
                takenAt = original == null ? null : TAKEN.format(original.toInstant().atOffset(ZoneOffset.UTC));
            }
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null) {
                String make = ifd0.getString(ExifIFD0Directory.TAG_MAKE);
                String model = ifd0.getString(ExifIFD0Directory.TAG_MODEL);
                camera = make == null && model == null ? null
                        : ((make == null ? "" : make.strip() + " ") + (model == null ? "" : model.strip())).strip();
                software = ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE);
            }
            location = metadata.getFirstDirectoryOfType(GpsDirectory.class) != null;
        } catch (Exception unreadable) {
            // No metadata to read is an answer too.
        }
        return new Description(limit(takenAt), limit(camera), limit(software), location, perceptualHash(image));
    }

    /** The DCT hash, or null when the bytes are no image Java can read. */
    public static Long perceptualHash(byte[] image) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
            if (source == null) {
                return null;
            }
            BufferedImage small = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, 32, 32, null);
            g.dispose();
            double[][] grey = new double[32][32];
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int rgb = small.getRGB(x, y);
                    grey[y][x] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
            }
            double[] low = new double[64];
            for (int v = 0; v < 8; v++) {
                for (int u = 0; u < 8; u++) {
                    double sum = 0;
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            sum += grey[y][x] * Math.cos((2 * x + 1) * u * Math.PI / 64) * Math.cos((2 * y + 1) * v * Math.PI / 64);
                        }
                    }
                    low[v * 8 + u] = sum;
                }
            }
            // The mean brightness (0,0) says nothing of the picture's shape.
            double[] rest = Arrays.copyOfRange(low, 1, 64);
            double[] sorted = rest.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            long hash = 0;
            for (int i = 0; i < 64; i++) {
                hash = (hash << 1) | (i > 0 && low[i] > median ? 1 : 0);
            }
            return hash;
        } catch (Exception unreadable) {
            return null;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static String limit(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
