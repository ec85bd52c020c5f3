/**
 * @module web/hold-banner
 * The critical banner every signed-in page shows, the board included, while a pick-up hold is
 * open: for each hold the child's first name, the room, the local time, what happened, and a link
 * to the hold's release form on the door page. It sits in a `[data-live]` slot following the
 * `alerts` topic, so a page with a stream (the board) shows and drops it without a reload: a new
 * hold's in-app delivery and every release emit `alerts`. Also the styles of the banner and of the
 * door page's release form.
 */
import { membershipAt, type Principal } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { holdConsequence, holdPlace, holdWhatHappened } from "../door/hold-words.js";
import type { Store } from "../storage/db.js";
import { listChildren, listRooms } from "../storage/directory.js";
import { listOpenPickupHolds } from "../storage/door.js";
import { canAct } from "./access.js";

export interface HoldBannerItem {
  holdId: number;
  childFirstName: string;
  /** "Maya in Toddlers at 16:07" (with the date when the hold is from another day). */
  place: string;
  /** What happened and what it means, in a sentence or two. */
  text: string;
}

/** The center's open holds in the director's words, oldest first. */
export function holdBannerItems(db: Store, center: Center, now: Date): HoldBannerItem[] {
  const holds = listOpenPickupHolds(db, center.id);
  if (holds.length === 0) return [];
  const children = new Map(
    listChildren(db, center.id, [...new Set(holds.map((h) => h.childId))]).map((c) => [c.id, c]),
  );
  const rooms = new Map(listRooms(db, center.id).map((r) => [r.id, r.name]));
  const today = instantToZoned(now, center.timeZone).date;
  return holds.map((hold) => {
    const first = children.get(hold.childId)?.firstName ?? "A child";
    const at = instantToZoned(new Date(hold.occurredAt), center.timeZone);
    const when = at.date === today ? at.time : `${at.date} ${at.time}`;
    return {
      holdId: hold.id,
      childFirstName: first,
      place: holdPlace(first, hold.roomId ? (rooms.get(hold.roomId) ?? null) : null, when),
      text: `${holdWhatHappened(hold, first)}. ${holdConsequence(first)}`,
    };
  });
}

/** Only a director releases a hold (door/decide.ts), and only with a session that may act. */
export const mayReleaseHolds = (principal: Principal, centerId: string) =>
  membershipAt(principal, centerId)?.role === "director" && canAct(principal, centerId);

interface BannerProps {
  items: readonly HoldBannerItem[];
  /** The door page, where each hold's release form is (`#hold-<id>`). */
  doorHref: string;
  /** Directors release; everyone else is sent to see the hold. */
  canRelease: boolean;
}

export function HoldBanner({ items, doorHref, canRelease }: BannerProps) {
  if (items.length === 0) return null;
  return (
    <section class="hold-banner" aria-label="Open pick-up holds" data-hold-banner={items.length}>
      <div role="alert">
        <p class="hold-title">
          <span class="hold-icon" aria-hidden="true">
            !
          </span>
          <span>
            Critical: {items.length} open pick-up hold{items.length === 1 ? "" : "s"}
          </span>
        </p>
        <ul>
          {items.map((item) => (
            <li data-banner-hold={item.holdId}>
              <strong>{item.place}</strong>: {item.text}{" "}
              <a class="release" href={`${doorHref}#hold-${item.holdId}`}>
                {canRelease ? "Release" : "See"} {item.childFirstName}’s hold at the door
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** The live slot around the banner; `fragmentUrl` serves a fresh banner. */
export function HoldBannerSlot(props: BannerProps & { fragmentUrl: string }) {
  const { fragmentUrl, ...banner } = props;
  return (
    <div class="hold-slot" data-live="alerts" data-live-url={fragmentUrl}>
      <HoldBanner {...banner} />
    </div>
  );
}

export const holdStyles = `
.hold-banner { background: #8f1d18; color: #fff; border-radius: 8px; padding: .6rem .9rem; margin: .5rem 0; }
.hold-banner .hold-title { font-weight: 700; font-size: 1.05rem; margin: 0 0 .25rem; display: flex; align-items: center; gap: .5rem; }
.hold-banner .hold-icon { display: inline-flex; align-items: center; justify-content: center; width: 1.5rem; height: 1.5rem; border-radius: 50%; background: #fff; color: #8f1d18; font-weight: 800; flex: none; }
.hold-banner ul { margin: 0; padding-left: 1.1rem; }
.hold-banner li { margin: .35rem 0; }
.hold-banner a.release { display: inline-block; min-height: 44px; margin: .35rem 0 0; padding: .6rem .9rem; border-radius: 6px; background: #fff; color: #8f1d18; font-weight: 700; text-decoration: none; }
.hold-banner :focus-visible { outline-color: #fff; }
.choice { display: flex; align-items: center; gap: .6rem; min-height: 44px; }
.choice input { min-height: auto; width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
.choice label { margin: 0; font-size: 1rem; font-weight: normal; cursor: pointer; }
`;
