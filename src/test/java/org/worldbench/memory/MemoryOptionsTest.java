package org.worldbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryOptionsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(MemoryOptions.DEBUG_PROPERTY);
        System.clearProperty(MemoryOptions.SITES_PROPERTY);
        System.clearProperty(MemoryOptions.FRAME_CAPACITY_PROPERTY);
    }

    @Test
    void defaults_are_release_mode_with_a_64_kib_frame() {
        assertThat(MemoryOptions.defaults()).isEqualTo(MemoryOptions.release());
        assertThat(MemoryOptions.release().frameCapacity()).isEqualTo(65536);
    }

    @Test
    void system_properties_switch_on_debug_mode_and_set_the_frame_capacity() {
        System.setProperty(MemoryOptions.DEBUG_PROPERTY, "true");
        System.setProperty(MemoryOptions.SITES_PROPERTY, "TRUE");
        System.setProperty(MemoryOptions.FRAME_CAPACITY_PROPERTY, "131072");
        assertThat(MemoryOptions.defaults()).isEqualTo(new MemoryOptions(true, true, 131072));
    }

    @Test
    void a_malformed_property_is_rejected_naming_the_property_and_the_value() {
        System.setProperty(MemoryOptions.DEBUG_PROPERTY, "yes");
        assertThatThrownBy(MemoryOptions::defaults)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MemoryOptions.DEBUG_PROPERTY).hasMessageContaining("'yes'");
        System.setProperty(MemoryOptions.DEBUG_PROPERTY, "false");
        System.setProperty(MemoryOptions.FRAME_CAPACITY_PROPERTY, "64k");
        assertThatThrownBy(MemoryOptions::defaults)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MemoryOptions.FRAME_CAPACITY_PROPERTY).hasMessageContaining("'64k'");
        System.setProperty(MemoryOptions.FRAME_CAPACITY_PROPERTY, "8");
        assertThatThrownBy(MemoryOptions::defaults)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MemoryOptions.FRAME_CAPACITY_PROPERTY).hasMessageContaining("at least 64");
    }

    @Test
    void a_frame_allocator_cannot_be_wrapped_by_the_general_debug_wrapper() {
        TrackingBase base = new TrackingBase();
        FrameAllocator frame = Allocators.frame(base);
        assertThatThrownBy(() -> Allocators.debug(frame))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debugFrame");
        frame.close();
    }
}
