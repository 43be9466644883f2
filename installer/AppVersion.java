import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints jpackage's {@code --app-version} option for the pom's version: jpackage takes one to three numbers only,
 * so a qualifier ({@code -SNAPSHOT}, {@code -rc1}) is dropped, and macOS refuses a version whose first number is 0,
 * so while the project is at 0.x its macOS bundle says 1.x ({@code 0.1.0} ships as {@code 1.1.0}; the .deb and
 * .msi keep {@code 0.1.0}).
 *
 * <p>Run by the pom's installer profile: {@code java installer/AppVersion.java 0.1.0 linux}.
 */
public final class AppVersion {
    private AppVersion() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java installer/AppVersion.java PROJECT_VERSION linux|windows|macos");
            System.exit(2);
        }
        Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?").matcher(args[0]);
        if (!m.find()) {
            System.err.println("not a numeric version: " + args[0]);
            System.exit(2);
        }
        long major = Long.parseLong(m.group(1));
        String minor = m.group(2) == null ? "0" : m.group(2);
        String patch = m.group(3) == null ? "0" : m.group(3);
        if (args[1].equals("macos") && major == 0) {
            major = 1;
        }
        System.out.println("--app-version " + major + "." + minor + "." + patch);
    }
}
