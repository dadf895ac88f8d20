package org.perinatalequity.board.api;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.perinatalequity.board.BoardPackService;
import org.perinatalequity.system.api.BadRequestException;

/** {@code GET /api/board/pack.pdf?period=YYYY-MM}: the PDF board pack (BOARD, ANALYST, ADMIN; DESIGN.md section 8). */
@RestController
@RequestMapping("/api/board")
class BoardPackController {

    private final BoardPackService packs;

    BoardPackController(BoardPackService packs) {
        this.packs = packs;
    }

    @GetMapping("/pack.pdf")
    ResponseEntity<byte[]> pack(@RequestParam(required = false) String period) {
        YearMonth month;
        try {
            month = BoardPackService.period(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Parameter 'period': " + e.getMessage());
        }
        // Written whole before sending, so an error becomes a JSON error rather than half a PDF.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.write(month, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"board-pack-" + month + ".pdf\"")
                .body(out.toByteArray());
    }
}
