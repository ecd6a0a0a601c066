// Addresses inside 10.77.0.0/16: a lab owns consecutive /24 slots; offset 1 is its gateway, hosts follow.

import { LAB_NET } from './constants.js';

/** The address at `offset` counted from the start of slot `firstSlot` (offset 256 is the next slot's .0). */
export function addressAt(firstSlot: number, offset: number): string {
  return `${LAB_NET}.${firstSlot + Math.floor(offset / 256)}.${offset % 256}`;
}

/** Slots needed for `hosts` host addresses after the unused .0 and the gateway .1. */
export function countSlots(hosts: number): number {
  return Math.ceil((hosts + 2) / 256);
}

/** The gateway (bridge) address of a lab whose first slot is `firstSlot`. */
export function gatewayAddress(firstSlot: number): string {
  return addressAt(firstSlot, 1);
}

/** The address of host `index` (0-based) of a lab whose first slot is `firstSlot`. */
export function hostAddress(firstSlot: number, index: number): string {
  return addressAt(firstSlot, index + 2);
}
