import { PICTURE_CREDIT } from "../pictures/pictures";

/** Every page credits OpenMoji (CC BY-SA 4.0 asks for it). */
export function PageFooter() {
  return (
    <footer class="page-footer">
      <p>
        {PICTURE_CREDIT}{" "}
        <a href="https://openmoji.org" rel="noopener noreferrer">
          openmoji.org
        </a>
      </p>
    </footer>
  );
}
