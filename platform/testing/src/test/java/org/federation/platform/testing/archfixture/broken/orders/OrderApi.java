package org.federation.platform.testing.archfixture.broken.orders;

import org.springframework.web.bind.annotation.RestController;

/** Breaks "controllers live in web": a controller left in the feature's root. */
@RestController
public class OrderApi {
}
