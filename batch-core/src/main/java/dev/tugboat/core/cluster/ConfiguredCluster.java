package dev.tugboat.core.cluster;

import io.kubernetes.client.util.ClientBuilder;

/** A client builder set up with a cluster's address and credentials, before tuning. */
record ConfiguredCluster(ClientBuilder builder, String displayName) {}
