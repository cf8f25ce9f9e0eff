import java.awt.Color
import java.awt.Font
import java.awt.RenderingHints
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

// MNIST-like digits: white strokes on black, 28×28 grey levels
def dir = new File(basedir, 'digits')
dir.mkdirs()
['0', '1', '7', '8'].each { digit ->
    def image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY)
    def g = image.createGraphics()
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON)
    g.color = Color.BLACK
    g.fillRect(0, 0, 28, 28)
    g.color = Color.WHITE
    g.font = new Font(Font.SANS_SERIF, Font.BOLD, 22)
    g.drawString(digit, 8, 23)
    g.dispose()
    assert ImageIO.write(image, 'png', new File(dir, "digit-${digit}.png"))
}
new File(basedir, 'notes.txt').text = 'not an image\n'
return true
