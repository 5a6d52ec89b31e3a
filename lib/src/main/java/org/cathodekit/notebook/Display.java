package org.cathodekit.notebook;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tech.tablesaw.api.Table;

/**
 * Rich display on every Java kernel through one neutral call ({@link #install()}, made by
 * {@link Nb#setup()}): Tablesaw tables, result records and {@link Rich} bundles render as
 * {@code text/html} with a {@code text/plain} fallback, both when passed to the kernel's
 * {@code display(x)}, to {@link #show(Object)}, or left as a cell's value.
 *
 * <p>No CathodeKit type implements a kernel interface (it would fail to load on the other
 * kernels): the adapters are {@link Proxy} instances of the running kernel's own interfaces,
 * created by reflection when that kernel's classes are present:
 * <ul>
 *   <li><b>IJava 1.3</b> ({@code io.github.spencerpark.ijava.runtime.Kernel}): a
 *       {@code RenderFunction} registered with {@code Renderer.createRegistration(type)
 *       .preferring("text/html").supporting("text/plain")} for {@link Table}, {@link Record};
 *       {@link #show} publishes through {@code BaseKernel.display(DisplayData)}.</li>
 *   <li><b>rapaio-jupyter-kernel 3.0</b> ({@code org.rapaio.jupyter.kernel.global.Global}): its
 *       {@code DisplaySystem} finds renderers only through a {@code ServiceLoader} bound to the
 *       kernel's class loader, which never sees jars on {@code RJK_CLASSPATH}; the adapters are
 *       therefore added at the front of its {@code systemDisplayRenderers} list (a private field,
 *       read by reflection: the one kernel-internal detail used here, checked by the notebook
 *       tests on the real kernel). {@link #show} publishes through {@code Global.display(Object)}.</li>
 *   <li>no kernel (plain JShell, tests): {@link #show} prints the {@code text/plain} fallback.</li>
 * </ul>
 */
public final class Display {
    private Display() {
    }

    /** Which kernel the adapters were installed on. */
    public enum Kernel {
        IJAVA, RAPAIO, NONE
    }

    private static volatile Kernel installed;

    /** The types rendered as HTML (subclasses included). */
    static final List<Class<?>> TYPES = List.of(Rich.class, Table.class, Record.class);

    /**
     * Installs the display adapters on the running kernel, once; later calls return the same answer.
     *
     * @return the kernel found ({@link Kernel#NONE} outside a Jupyter kernel)
     */
    public static synchronized Kernel install() {
        if (installed != null) {
            return installed;
        }
        Kernel k = Kernel.NONE;
        try {
            if (present("io.github.spencerpark.ijava.runtime.Kernel")) {
                installIJava();
                k = Kernel.IJAVA;
            } else if (present("org.rapaio.jupyter.kernel.global.Global")) {
                installRapaio();
                k = Kernel.RAPAIO;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install the CathodeKit display adapters on this kernel: " + e, e);
        }
        installed = k;
        return k;
    }

    /** The rich form of {@code value}, or empty when it has none (then kernels show it as usual). */
    public static Optional<Rich> rich(Object value) {
        if (value instanceof Rich r) {
            return Optional.of(r);
        }
        if (value instanceof Table t) {
            return Optional.of(Html.table(t));
        }
        if (value instanceof Record r) {
            return Optional.of(Html.record(r));
        }
        return Optional.empty();
    }

    /**
     * Shows {@code value} as one output: HTML with a plain-text fallback for tables, records and
     * {@link Rich} bundles; anything else through the kernel's own display. Returns nothing, so it can
     * end a cell without adding an output of its own.
     */
    public static void show(Object value) {
        Kernel k = install();
        Rich r = rich(value).orElse(null);
        try {
            switch (k) {
                case IJAVA -> {
                    if (r == null) {
                        cls("io.github.spencerpark.ijava.runtime.Display").getMethod("display", Object.class).invoke(null, value);
                    } else {
                        Object kernel = cls("io.github.spencerpark.ijava.runtime.Kernel").getMethod("getKernelInstance").invoke(null);
                        kernel.getClass().getMethod("display", cls("io.github.spencerpark.jupyter.kernel.display.DisplayData"))
                                .invoke(kernel, ijavaData(r));
                    }
                }
                case RAPAIO -> cls("org.rapaio.jupyter.kernel.global.Global").getMethod("display", Object.class)
                        .invoke(null, r != null ? r : value);
                case NONE -> {
                    String text = r != null ? r.plain() : String.valueOf(value);
                    if (!text.isEmpty()) {
                        System.out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                    }
                }
                default -> throw new AssertionError(k);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("display failed on " + k + ": " + e, e);
        }
    }

    private static boolean present(String name) {
        try {
            Class.forName(name, false, Display.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> cls(String name) throws ClassNotFoundException {
        return Class.forName(name, true, Display.class.getClassLoader());
    }

    // ---- IJava ---------------------------------------------------------------------------------

    private static Object ijavaData(Rich r) throws ReflectiveOperationException {
        Class<?> dd = cls("io.github.spencerpark.jupyter.kernel.display.DisplayData");
        Object data = dd.getConstructor().newInstance();
        fill(data, r);
        return data;
    }

    /** Puts text/plain, text/html (when not empty) and the metadata into a kernel's DisplayData. */
    private static void fill(Object data, Rich r) throws ReflectiveOperationException {
        Class<?> c = data.getClass();
        c.getMethod("putData", String.class, Object.class).invoke(data, "text/plain", r.plain());
        c.getMethod("putData", String.class, Object.class).invoke(data, "text/html", r.html());
        Method meta = c.getMethod("putMetaData", String.class, Object.class);
        for (Map.Entry<String, Object> e : r.metadata().entrySet()) {
            meta.invoke(data, e.getKey(), e.getValue());
        }
    }

    private static void installIJava() throws ReflectiveOperationException {
        Object kernel = cls("io.github.spencerpark.ijava.runtime.Kernel").getMethod("getKernelInstance").invoke(null);
        if (kernel == null) {
            throw new IllegalStateException("IJava classes present but no kernel instance");
        }
        Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
        Class<?> fn = cls("io.github.spencerpark.jupyter.kernel.display.RenderFunction");
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            // render(T value, RenderContext context)
            Object out = args[1].getClass().getMethod("getOutputContainer").invoke(args[1]);
            Optional<Rich> r = rich(args[0]);
            if (r.isPresent()) {
                fill(out, r.get());
            }
            return null;
        };
        Object function = Proxy.newProxyInstance(fn.getClassLoader(), new Class<?>[] {fn}, h);
        for (Class<?> type : TYPES) {
            Object reg = renderer.getClass().getMethod("createRegistration", Class.class).invoke(renderer, type);
            reg = reg.getClass().getMethod("preferring", String[].class).invoke(reg, (Object) new String[] {"text/html"});
            reg = reg.getClass().getMethod("supporting", String[].class).invoke(reg, (Object) new String[] {"text/plain"});
            reg.getClass().getMethod("register", fn).invoke(reg, function);
        }
    }

    // ---- rapaio --------------------------------------------------------------------------------

    private static void installRapaio() throws ReflectiveOperationException {
        Object system = cls("org.rapaio.jupyter.kernel.global.Global").getMethod("displaySystem").invoke(null);
        Class<?> rendererType = cls("org.rapaio.jupyter.kernel.display.DisplayRenderer");
        Class<?> dataType = cls("org.rapaio.jupyter.kernel.display.DisplayData");
        Field f = system.getClass().getDeclaredField("systemDisplayRenderers");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<Object> renderers = (List<Object>) f.get(system);
        for (int i = TYPES.size() - 1; i >= 0; i--) {
            Class<?> type = TYPES.get(i);
            InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
                case "rendererClass" -> type;
                case "canRender" -> true;
                case "render" -> {
                    Rich r = rich(args[1]).orElseThrow();
                    Object data = dataType.getMethod("fromHtml", String.class).invoke(null, r.html());
                    fill(data, r);
                    yield data;
                }
                default -> objectMethod(proxy, method, args);
            };
            renderers.add(0, Proxy.newProxyInstance(rendererType.getClassLoader(), new Class<?>[] {rendererType}, h));
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "CathodeKit display adapter";
            default -> null;
        };
    }
}
