package io.amcp.samples.csvsource;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one CSV directory source, factory PID {@code io.amcp.samples.csvsource}: every
 * {@code etc/io.amcp.samples.csvsource-<name>.cfg} file watches one directory.
 */
@ObjectClassDefinition(name = "AMCP sample: CSV directory source",
        description = "Streams Yahoo-style CSV bar files dropped into a directory")
public @interface CsvDirectorySourceConfig {

    @AttributeDefinition(description = "Data source id, unique on the node")
    String id() default "csv-directory";

    @AttributeDefinition(description = "Directory to watch; processed files go to .done/, rejected ones to .error/")
    String directory();

    @AttributeDefinition(description = "Symbols this source publishes; a file is named <SYMBOL>.csv or <SYMBOL>_<anything>.csv")
    String[] symbols();

    @AttributeDefinition(description = "Milliseconds between two looks at the directory", min = "10")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "Milliseconds a file must stay unchanged before it is read", min = "10")
    long readLockMillis() default 1000;

    @AttributeDefinition(description = "Local time at which a daily bar ends, HH:mm")
    String closeTime() default "16:00";

    @AttributeDefinition(description = "Time zone of the dates in the files")
    String zone() default "America/New_York";
}
