package io.amcp.ops.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Backups to MinIO/S3 (PID {@code io.amcp.ops.backup.s3}; the component starts only when this PID is
 * configured). The keys come from the credential store under the two credential names.
 */
@ObjectClassDefinition(name = "AMCP object-store backup", description = "amcp:backup --remote / amcp:restore --remote to MinIO or S3")
public @interface ObjectStoreBackupConfig {

    @AttributeDefinition(description = "S3 endpoint, e.g. http://127.0.0.1:9000 (MinIO) or https://s3.amazonaws.com")
    String endpoint();

    @AttributeDefinition(description = "SigV4 signing region")
    String region() default "us-east-1";

    @AttributeDefinition(description = "Bucket of the backups (created when missing)")
    String bucket() default "amcp-backups";

    @AttributeDefinition(description = "Key prefix of the backups, e.g. the node's name; empty: the bucket's root")
    String prefix() default "";

    @AttributeDefinition(description = "Credential-store name of the access key")
    String accessKeyName() default "minio.access-key";

    @AttributeDefinition(description = "Credential-store name of the secret key")
    String secretKeyName() default "minio.secret-key";

    @AttributeDefinition(description = "Local folder for the snapshot being uploaded or downloaded; empty: ${karaf.data}/backup-staging")
    String stagingDirectory() default "";
}
