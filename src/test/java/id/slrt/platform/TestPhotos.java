package id.slrt.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/** Real JPEG photos for tests of evidence uploads, with the EXIF date and GPS a phone camera writes. */
public final class TestPhotos {
    private TestPhotos() {
    }

    /** A small photo taken 20-11-2026 10:15 at about -0.52, 101.55 (Teluk Kuantan). */
    public static byte[] photoWithExif() {
        return new ExifSegment(ByteOrder.LITTLE_ENDIAN)
                .dateTimeOriginal("2026:11:20 10:15:00")
                .latitude("S", 0, 1, 31, 1, 1200, 100)
                .longitude("E", 101, 1, 33, 1, 0, 1)
                .insertInto(jpeg());
    }

    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.drawString("AKTA KELAHIRAN", 100, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
