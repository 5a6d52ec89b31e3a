package org.cathodekit.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes Xradia-like test files with POI: the stream structure of the real SSRL {@code .xrm}
 * (../shared/reference-data/real-formats/xanes, 374 streams; the ones read are written here):
 * {@code ImageInfo/{ImageWidth, ImageHeight, DataType, NoOfImages, ImagesTaken}} int32,
 * {@code ImageInfo/{PixelSize, ExpTimes, Energy}} float32, {@code ImageInfo/Date} 40-byte slots,
 * {@code ImageDataN/ImageM} little-endian samples.
 */
final class XrmTestFiles {
    private XrmTestFiles() {
    }

    /**
     * @param images    {@code [image][y*width+x]} sample values (uint16 range for type 5)
     * @param energies  stored energy per image (0 as SSRL writes); null writes no Energy stream
     * @param dataType  5 (uint16) or 10 (float32), or any code to test refusal
     * @param withImage false writes no ImageData storage
     */
    static void write(Path file, int width, int height, double[][] images, float[] energies, float exposureS, float pixelUm,
                      int dataType, boolean withImage) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry info = fs.getRoot().createDirectory("ImageInfo");
            int n = images.length;
            info.createDocument("ImageWidth", in(i32(width)));
            info.createDocument("ImageHeight", in(i32(height)));
            info.createDocument("DataType", in(i32(dataType)));
            info.createDocument("NoOfImages", in(i32(n)));
            info.createDocument("ImagesTaken", in(i32(n)));
            info.createDocument("PixelSize", in(f32(pixelUm)));
            float[] exp = new float[n];
            java.util.Arrays.fill(exp, exposureS);
            info.createDocument("ExpTimes", in(f32(exp)));
            if (energies != null) {
                info.createDocument("Energy", in(f32(energies)));
            }
            byte[] date = new byte[40 * n];
            for (int i = 0; i < n; i++) {
                byte[] d = String.format("05/29/16 15:%02d:37", i % 60).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(d, 0, date, 40 * i, d.length);
            }
            info.createDocument("Date", in(date));
            if (withImage) {
                for (int i = 0; i < n; i++) {
                    String dir = "ImageData" + (i / 100 + 1);
                    DirectoryEntry d = fs.getRoot().hasEntry(dir) ? (DirectoryEntry) fs.getRoot().getEntry(dir)
                            : fs.getRoot().createDirectory(dir);
                    int bytes = dataType == 10 ? 4 : 2;
                    ByteBuffer b = ByteBuffer.allocate(width * height * bytes).order(ByteOrder.LITTLE_ENDIAN);
                    for (double v : images[i]) {
                        if (dataType == 10) {
                            b.putFloat((float) v);
                        } else {
                            b.putShort((short) (int) v);
                        }
                    }
                    d.createDocument("Image" + (i + 1), in(b.array()));
                }
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                fs.writeFilesystem(o);
            }
        }
    }

    private static ByteArrayInputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static byte[] i32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }
}
