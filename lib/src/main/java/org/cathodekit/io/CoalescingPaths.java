package org.cathodekit.io;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;

/**
 * A path of the default file system whose {@link FileChannel}s are {@link CoalescingFileChannel}s.
 * jhdf 0.13 opens its output with {@code FileChannel.open(path, ...)} and offers no other way in;
 * {@code FileChannel.open} asks the path's file-system provider for the channel, so this thin
 * wrapper (the default file system in every other respect: every call is passed to it with the
 * real path) is how jhdf's row-by-row writes get gathered. Only {@link Hdf5Writes} uses it.
 */
final class CoalescingPaths {
    private CoalescingPaths() {
    }

    /** {@code real} (a default-file-system path), whose file channels gather consecutive writes. */
    static Path of(Path real) {
        return new CPath(FILE_SYSTEM, real);
    }

    private static final FileSystem DEFAULT = FileSystems.getDefault();
    private static final Provider PROVIDER = new Provider();
    private static final CFileSystem FILE_SYSTEM = new CFileSystem();

    private static Path unwrap(Path p) {
        return p instanceof CPath c ? c.real : p;
    }

    private static final class Provider extends FileSystemProvider {
        private final FileSystemProvider d = DEFAULT.provider();

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            return new CoalescingFileChannel(d.newFileChannel(unwrap(path), options, attrs), CoalescingFileChannel.BUFFER_BYTES);
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            return newFileChannel(path, options, attrs);
        }

        @Override
        public String getScheme() {
            return d.getScheme();
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException("not a file-system factory");
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            return FILE_SYSTEM;
        }

        @Override
        public Path getPath(URI uri) {
            return of(d.getPath(uri));
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            return d.newDirectoryStream(unwrap(dir), filter);
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            d.createDirectory(unwrap(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            d.delete(unwrap(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            d.copy(unwrap(source), unwrap(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            d.move(unwrap(source), unwrap(target), options);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            return d.isSameFile(unwrap(path), unwrap(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return d.isHidden(unwrap(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return d.getFileStore(unwrap(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            d.checkAccess(unwrap(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return d.getFileAttributeView(unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
            return d.readAttributes(unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return d.readAttributes(unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            d.setAttribute(unwrap(path), attribute, value, options);
        }
    }

    private static final class CFileSystem extends FileSystem {
        @Override
        public FileSystemProvider provider() {
            return PROVIDER;
        }

        @Override
        public void close() {
            throw new UnsupportedOperationException("the default file system cannot be closed");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean isReadOnly() {
            return DEFAULT.isReadOnly();
        }

        @Override
        public String getSeparator() {
            return DEFAULT.getSeparator();
        }

        @Override
        public Iterable<Path> getRootDirectories() {
            return DEFAULT.getRootDirectories();
        }

        @Override
        public Iterable<FileStore> getFileStores() {
            return DEFAULT.getFileStores();
        }

        @Override
        public Set<String> supportedFileAttributeViews() {
            return DEFAULT.supportedFileAttributeViews();
        }

        @Override
        public Path getPath(String first, String... more) {
            return of(DEFAULT.getPath(first, more));
        }

        @Override
        public PathMatcher getPathMatcher(String syntaxAndPattern) {
            return DEFAULT.getPathMatcher(syntaxAndPattern);
        }

        @Override
        public UserPrincipalLookupService getUserPrincipalLookupService() {
            return DEFAULT.getUserPrincipalLookupService();
        }

        @Override
        public WatchService newWatchService() throws IOException {
            return DEFAULT.newWatchService();
        }
    }

    /** A default-file-system path reporting {@link CFileSystem} as its file system; path operations give plain paths. */
    private record CPath(CFileSystem fs, Path real) implements Path {
        @Override
        public FileSystem getFileSystem() {
            return fs;
        }

        @Override
        public boolean isAbsolute() {
            return real.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return real.getRoot();
        }

        @Override
        public Path getFileName() {
            return real.getFileName();
        }

        @Override
        public Path getParent() {
            return real.getParent();
        }

        @Override
        public int getNameCount() {
            return real.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return real.getName(index);
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return real.subpath(beginIndex, endIndex);
        }

        @Override
        public boolean startsWith(Path other) {
            return real.startsWith(unwrap(other));
        }

        @Override
        public boolean endsWith(Path other) {
            return real.endsWith(unwrap(other));
        }

        @Override
        public Path normalize() {
            return of(real.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return of(real.resolve(unwrap(other)));
        }

        @Override
        public Path relativize(Path other) {
            return real.relativize(unwrap(other));
        }

        @Override
        public URI toUri() {
            return real.toUri();
        }

        @Override
        public Path toAbsolutePath() {
            return of(real.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            return of(real.toRealPath(options));
        }

        @Override
        public java.io.File toFile() {
            return real.toFile();
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) throws IOException {
            return real.register(watcher, events, modifiers);
        }

        @Override
        public int compareTo(Path other) {
            return real.compareTo(unwrap(other));
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }
}
