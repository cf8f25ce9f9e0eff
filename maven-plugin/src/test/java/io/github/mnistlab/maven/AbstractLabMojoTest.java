package io.github.mnistlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class AbstractLabMojoTest {
    @Test
    void aUsersMistakeFailsTheBuildWithItsMessageAndKeepsItAsTheCause() {
        IllegalArgumentException mistake = new IllegalArgumentException("experiment 'ff': dropout is 2.0,"
                + " expected a rate in [0, 1)", new IllegalStateException("where it was found"));
        AbstractLabMojo mojo = new AbstractLabMojo() {
            @Override
            protected void executeLab() {
                throw mistake;
            }
        };
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(mistake.getMessage(), e.getMessage());
        assertSame(mistake, e.getCause());
    }
}
