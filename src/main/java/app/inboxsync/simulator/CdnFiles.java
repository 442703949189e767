package app.inboxsync.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * The files the simulated CDN serves: valid PNG, JPEG, GIF, MP4, MP3 and PDF files, each a pure function of its
 * kind and picture number, so the same picture is byte-identical every time it is sent. Each is padded (with the
 * format's own comment or free-space blocks) to exactly the size the attachment JSON declares, as Graph's
 * {@code size} is the file's size. Every tenth video is very large (48 MB) and is streamed, not held.
 */
final class CdnFiles {

    /** What a file is; the extension in the URL says which. */
    enum Kind {
        JPG("image/jpeg"), PNG("image/png"), GIF("image/gif"), MP4("video/mp4"), MP3("audio/mpeg"),
        PDF("application/pdf");

        final String mime;

        Kind(String mime) {
            this.mime = mime;
        }

        static Kind of(String extension) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(extension)) {
                    return k;
                }
            }
            return null;
        }
    }

    static final long LARGE_VIDEO = 48L * 1024 * 1024;
    private static final int CACHED = 48;
    private static final Map<String, byte[]> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    private CdnFiles() {
    }

    /** The exact size in bytes of picture {@code picture} of this kind. */
    static long size(Kind kind, long picture) {
        long r = Ids.mix(picture * 31 + kind.ordinal()) & 0xFFFFFFFL;
        return switch (kind) {
            case JPG -> 12_000 + r % 400_000;
            case PNG -> 6_000 + r % 40_000;
            case GIF -> 5_000 + r % 200_000;
            case MP4 -> picture % 10 == 0 ? LARGE_VIDEO : 20_000 + r % 2_000_000;
            case MP3 -> 20_000 + r % 600_000;
            case PDF -> 5_000 + r % 500_000;
        };
    }

    /** Pixel width and height of a picture (images and videos), as the JSON declares them. */
    static int width(long picture) {
        return 48 + (int) (picture % 8) * 16;
    }

    static int height(long picture) {
        return 32 + (int) (picture % 5) * 16;
    }

    /** Writes the file; large ones are generated as they are written. */
    static void write(Kind kind, long picture, OutputStream out) throws IOException {
        if (kind == Kind.MP4) {
            mp4(size(kind, picture), out); // streamed: the padding is a free box of zeros
            return;
        }
        out.write(bytes(kind, picture));
    }

    static byte[] bytes(Kind kind, long picture) {
        if (kind == Kind.MP4) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                mp4(size(kind, picture), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
        String key = kind + "/" + picture;
        synchronized (CACHE) {
            byte[] cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int target = (int) size(kind, picture);
        byte[] made = switch (kind) {
            case JPG -> jpeg(image(picture), target);
            case PNG -> png(image(picture), target);
            case GIF -> gif(image(picture), target);
            case MP3 -> mp3(target);
            case PDF -> pdf(picture, target);
            case MP4 -> throw new AssertionError();
        };
        if (made.length != target) {
            throw new IllegalStateException(kind + " " + picture + " came out " + made.length + " bytes, not " + target);
        }
        synchronized (CACHE) {
            CACHE.put(key, made);
        }
        return made;
    }

    private static BufferedImage image(long picture) {
        BufferedImage img = new BufferedImage(width(picture), height(picture), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        SplittableRandom r = new SplittableRandom(picture);
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillOval(r.nextInt(img.getWidth()), r.nextInt(img.getHeight()), 8 + r.nextInt(24), 8 + r.nextInt(24));
        }
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** JPEG padded with COM segments right after SOI. */
    private static byte[] jpeg(BufferedImage img, int target) {
        byte[] base = encode(img, "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream(target);
        out.write(base, 0, 2);
        int remaining = target - base.length;
        while (remaining > 0) {
            int segment = remaining > 65_537 ? Math.min(60_000, remaining - 8) : remaining; // whole segment, marker included
            out.write(0xFF);
            out.write(0xFE);
            int length = segment - 2;
            out.write(length >>> 8);
            out.write(length & 0xFF);
            out.write(new byte[segment - 4], 0, segment - 4);
            remaining -= segment;
        }
        out.write(base, 2, base.length - 2);
        return out.toByteArray();
    }

    /** PNG padded with a private ancillary chunk ("paDd") before IEND. */
    private static byte[] png(BufferedImage img, int target) {
        byte[] base = encode(img, "png");
        int iend = base.length - 12;
        int pad = target - base.length - 12;
        ByteBuffer b = ByteBuffer.allocate(target);
        b.put(base, 0, iend);
        byte[] type = "paDd".getBytes(StandardCharsets.US_ASCII);
        b.putInt(pad);
        b.put(type);
        b.put(new byte[pad]);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(new byte[pad]);
        b.putInt((int) crc.getValue());
        b.put(base, iend, 12);
        return b.array();
    }

    /** GIF padded with comment extensions before the trailer. */
    private static byte[] gif(BufferedImage img, int target) {
        byte[] base = encode(img, "gif");
        ByteArrayOutputStream out = new ByteArrayOutputStream(target);
        out.write(base, 0, base.length - 1);
        int remaining = target - base.length;
        while (remaining > 0) {
            // one extension: 21 FE, sub-blocks of up to 255 bytes (each with its length byte), 00
            int ext = Math.min(remaining, 40_000);
            if (remaining - ext > 0 && remaining - ext < 5) {
                ext -= 5; // never leave a remainder too small for an extension of its own
            }
            out.write(0x21);
            out.write(0xFE);
            int data = ext - 3;
            while (data > 0) {
                int block = Math.min(255, data - 1);
                if (data - (block + 1) == 1) {
                    block--; // a lone byte left over would read as the terminator
                }
                out.write(block);
                out.write(new byte[block], 0, block);
                data -= block + 1;
            }
            out.write(0);
            remaining -= ext;
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    /** An ID3v2.3 tag of padding, then silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each). */
    private static byte[] mp3(int target) {
        int frames = Math.max(1, (target - 10) / 417 - 1);
        int tag = target - frames * 417;
        ByteBuffer b = ByteBuffer.allocate(target);
        b.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0).put((byte) 0);
        int body = tag - 10;
        b.put((byte) ((body >>> 21) & 0x7F)).put((byte) ((body >>> 14) & 0x7F)).put((byte) ((body >>> 7) & 0x7F))
                .put((byte) (body & 0x7F));
        b.put(new byte[body]);
        for (int i = 0; i < frames; i++) {
            b.put((byte) 0xFF).put((byte) 0xFB).put((byte) 0x90).put((byte) 0x00).put(new byte[413]);
        }
        return b.array();
    }

    /** ftyp, a moov with its mvhd, and a free box of zeros up to the size; written as it goes. */
    private static void mp4(long target, OutputStream out) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(24 + 116 + 8);
        head.putInt(24).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
                .put("isommp41".getBytes(StandardCharsets.US_ASCII));
        head.putInt(116).put("moov".getBytes(StandardCharsets.US_ASCII));
        head.putInt(108).put("mvhd".getBytes(StandardCharsets.US_ASCII));
        head.putInt(0).putInt(0).putInt(0).putInt(1000).putInt(0); // version+flags, times, timescale, duration
        head.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            head.putInt(m);
        }
        head.put(new byte[24]).putInt(1);
        long free = target - 24 - 116;
        head.putInt((int) free).put("free".getBytes(StandardCharsets.US_ASCII));
        out.write(head.array());
        byte[] zeros = new byte[64 * 1024];
        for (long left = free - 8; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    /** A one-page PDF with an unused stream object as padding; the xref offsets are exact. */
    private static byte[] pdf(long picture, int target) {
        String content = "BT /F1 18 Tf 40 100 Td (Invoice " + picture + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            null, // padding, sized below
        };
        int padLength = 0;
        for (int pass = 0; pass < 2; pass++) {
            objects[4] = "<< /Length " + padLength + " >>\nstream\n" + " ".repeat(padLength) + "\nendstream";
            byte[] made = pdfBytes(objects);
            padLength += target - made.length;
        }
        objects[4] = "<< /Length " + padLength + " >>\nstream\n" + " ".repeat(padLength) + "\nendstream";
        byte[] made = pdfBytes(objects);
        if (made.length != target) { // the length's digits changed: one more step settles it
            padLength += target - made.length;
            objects[4] = "<< /Length " + padLength + " >>\nstream\n" + " ".repeat(padLength) + "\nendstream";
            made = pdfBytes(objects);
        }
        return made;
    }

    private static byte[] pdfBytes(String[] objects) {
        StringBuilder s = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = s.length();
            s.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = s.length();
        s.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            s.append(String.format("%010d 00000 n \n", offset));
        }
        s.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
