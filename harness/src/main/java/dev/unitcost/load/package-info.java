/**
 * Load generation against a streaming server: when requests are sent (closed loop: N users back to
 * back; open loop: a seeded Poisson or gamma arrival schedule), and which part of a run is steady
 * state. Sees only the {@link dev.unitcost.engine.endpoint.StreamingClient} seam; knows nothing of
 * reports, prices or flags.
 */
package dev.unitcost.load;
