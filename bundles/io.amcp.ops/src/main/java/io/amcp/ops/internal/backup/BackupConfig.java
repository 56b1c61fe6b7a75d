package io.amcp.ops.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the state to back up lives (PID {@code io.amcp.ops.backup}). */
@ObjectClassDefinition(name = "AMCP backup", description = "State locations for amcp:backup and amcp:restore")
public @interface BackupConfig {

    @AttributeDefinition(description = "Karaf data directory holding journal/ and paper/; empty: ${karaf.data}")
    String dataDirectory() default "";

    @AttributeDefinition(description = "Configuration directory (its *.cfg files are saved); empty: ${karaf.etc}")
    String etcDirectory() default "";

    @AttributeDefinition(description = "Data store root holding catalog.json; empty: the catalog is not saved")
    String catalogDirectory() default "";
}
