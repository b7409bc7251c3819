package io.fieldbench.probe;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A configurable component with a console command, {@code probe:greeting}, that prints its
 * setting: the tests change {@code etc/io.fieldbench.probe.cfg} and watch the answer change.
 */
@Component(configurationPid = ProbeGreeting.PID, service = ProbeGreeting.class,
        property = { "osgi.command.scope=probe", "osgi.command.function=greeting" })
@Designate(ocd = ProbeGreeting.Config.class)
public class ProbeGreeting {

    public static final String PID = "io.fieldbench.probe";

    @ObjectClassDefinition(name = "Test probe", description = "A setting the tests change at run time")
    public @interface Config {
        @AttributeDefinition(name = "Greeting", description = "What probe:greeting answers")
        String greeting() default "hello";
    }

    private volatile String greeting;

    @Activate
    @Modified
    void configure(Config config) {
        greeting = config.greeting();
    }

    public String greeting() {
        return greeting;
    }
}
