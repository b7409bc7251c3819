package io.fieldbench.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the device registry, pid {@value LiveDeviceRegistry#PID}. */
@ObjectClassDefinition(name = "Device registry", description = "Keeps every device that sends: counts, rates, loss, online state")
public @interface RegistryConfig {

    @AttributeDefinition(name = "Offline after (s)", min = "1",
            description = "A device that sends nothing for this many seconds is shown offline")
    int offline_after_seconds() default 30;
}
