import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (an inbox tray under a sync arrow, white on the app's accent blue) from primitives, so the PNGs
 * can be made again exactly: {@code java packaging/icon/IconGenerator.java} from the repository root. Everything is
 * designed on a 512 px grid and scaled, so every size is drawn, not resampled.
 */
public final class IconGenerator {
    private static final Color ACCENT = new Color(0x0969da); // Primer's accent blue, the app's theme
    private static final Color ACCENT_LIGHT = new Color(0x2f81f7);
    private static final Color WHITE = Color.WHITE;

    public static void main(String[] args) throws IOException {
        write(512, new File("packaging/icon/inbox-sync-512.png"));
        write(256, new File("packaging/icon/inbox-sync-256.png"));
        write(256, new File("src/main/resources/app/inboxsync/ui/icon.png"));
    }

    private static void write(int size, File file) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 512.0, size / 512.0);
        draw(g);
        g.dispose();
        ImageIO.write(image, "png", file);
        System.out.println(file + " (" + size + " px)");
    }

    private static void draw(Graphics2D g) {
        // Rounded square, lighter at the top, with a small margin like other desktop icons.
        g.setPaint(new GradientPaint(0, 24, ACCENT_LIGHT, 0, 488, ACCENT));
        g.fill(new RoundRectangle2D.Double(24, 24, 464, 464, 112, 112));

        g.setColor(WHITE);
        // The tray: slanted back walls, then the front with its dip where letters drop in.
        g.setStroke(new BasicStroke(28, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D walls = new Path2D.Double();
        walls.moveTo(104, 300);
        walls.lineTo(144, 226);
        walls.moveTo(408, 300);
        walls.lineTo(368, 226);
        g.draw(walls);
        Path2D front = new Path2D.Double();
        front.moveTo(90, 300);
        front.lineTo(184, 300);
        front.lineTo(210, 346);
        front.lineTo(302, 346);
        front.lineTo(328, 300);
        front.lineTo(422, 300);
        front.lineTo(422, 388);
        front.quadTo(422, 424, 386, 424);
        front.lineTo(126, 424);
        front.quadTo(90, 424, 90, 388);
        front.closePath();
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.fill(front);
        g.draw(front);

        // The sync arrow: two arcs chasing each other round a circle, each ending in a head.
        double cx = 256, cy = 172, r = 78;
        arrow(g, cx, cy, r, 200, 130);
        arrow(g, cx, cy, r, 20, 130);
    }

    /** An arc from {@code startDeg} running {@code extentDeg} clockwise on screen, with an arrow head at its end. */
    private static void arrow(Graphics2D g, double cx, double cy, double r, double startDeg, double extentDeg) {
        // Arc2D angles run counter-clockwise with y up, so both are negated to run clockwise on screen.
        g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, -startDeg, -extentDeg, Arc2D.OPEN));
        double end = Math.toRadians(startDeg + extentDeg); // screen angle, clockwise from 3 o'clock
        double ex = cx + r * Math.cos(end);
        double ey = cy + r * Math.sin(end);
        double heading = end + Math.PI / 2; // clockwise tangent
        Path2D head = new Path2D.Double();
        head.moveTo(24, 0);
        head.lineTo(-16, -28);
        head.lineTo(-16, 28);
        head.closePath();
        AffineTransform at = AffineTransform.getTranslateInstance(ex, ey);
        at.rotate(heading);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var shape = at.createTransformedShape(head);
        g.fill(shape);
        g.draw(shape);
    }
}
