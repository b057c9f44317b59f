package org.qinglang.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Additional information from a complainant, or a platform's rectification report. */
public record TextReply(@NotBlank @Size(max = 20000) String text) {
}
