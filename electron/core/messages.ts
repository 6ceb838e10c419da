/** Every sentence the engine can say to a user, in Vietnamese first and English second. */
export type Locale = 'vi' | 'en';

const vi = {
  internal: 'Đã xảy ra lỗi không mong muốn: {detail}',
  'db.newer-schema':
    'Kho lưu trữ {file} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {found}, ứng dụng này hiểu đến {known}); hãy cập nhật ứng dụng. Tệp không bị thay đổi.',
  'db.not-archive': 'Tệp {file} không phải là kho lưu trữ Archive Reader hoặc đã bị hỏng.',
  'db.cannot-open': 'Không mở được kho lưu trữ {file}: {reason}',
  'db.read-only': 'Không thể ghi vào kho lưu trữ {file}: thư mục hoặc tệp chỉ cho phép đọc.',
  'db.disk-full': 'Ổ đĩa đã đầy nên không thể ghi vào kho lưu trữ; dữ liệu cũ vẫn nguyên vẹn.',
  'db.damaged': 'Kho lưu trữ {file} đã bị hỏng và chưa có bản sao lưu tự động nào để khôi phục.',
  'db.damaged-backup':
    'Kho lưu trữ {file} đã bị hỏng; có thể khôi phục bản sao lưu tự động mới nhất, lập lúc {when}.',
  'db.in-use':
    'Kho lưu trữ {file} đang được một chương trình khác mở; hãy đóng chương trình đó rồi thử lại.',
  'db.damaged-read':
    'Một phần của kho lưu trữ vừa đọc bị hỏng; hãy khôi phục bản sao lưu tự động mới nhất (thư mục backups cạnh kho).',
  'backup.none': 'Chưa có bản sao lưu nào của kho lưu trữ {file}.',
  'backup.unsound':
    'Tệp {file} không phải là bản sao lưu lành lặn của kho lưu trữ; không khôi phục.',
  'cli.restore-hint': 'Để khôi phục bản sao lưu {backup}, hãy chạy: {command}',
  'import.not-found': 'Không tìm thấy tệp hoặc thư mục {path}.',
  'import.empty': 'Tệp trống.',
  'import.binary': 'Tệp nhị phân ({kind}), không phải văn bản hay bài báo.',
  'import.undecodable': 'Không đọc được văn bản: tệp không phải UTF-8 hay UTF-16 hợp lệ.',
  'import.unknown-format': 'Không nhận ra định dạng bài báo trong tệp.',
  'import.bad-gzip': 'Tệp nén gzip bị hỏng hoặc không trọn vẹn.',
  'import.bad-json': 'JSON không hợp lệ ở dòng {line}: {reason}',
  'import.bad-record': 'Bản ghi ở dòng {line} không có tiêu đề hoặc nội dung.',
  'import.no-title': 'Không tìm thấy tiêu đề bài báo.',
  'import.no-body': 'Không tìm thấy nội dung bài báo.',
  'import.too-large': 'Tệp quá lớn ({size}); giới hạn là {limit}.',
  'import.symlink-loop': 'Bỏ qua liên kết vòng tại {path}.',
  'import.not-a-file': 'Bỏ qua {path}: không phải tệp thông thường hay thư mục.',
  'import.nul-bytes':
    'Tệp có byte NUL nên không phải văn bản: có thể là tệp nhị phân, hoặc tệp bị hỏng (chẳng hạn do mất điện khi đang ghi).',
  'import.too-long': 'Bài quá dài ({chars} ký tự); giới hạn là {limit} ký tự cho một bài.',
  'import.html-too-deep':
    'Trang HTML lồng nhau quá sâu (hơn {limit} tầng thẻ), không phải một trang bài báo đọc được.',
  'import.html-too-many-elements':
    'Trang HTML có quá nhiều thẻ (hơn {limit}), không phải một trang bài báo đọc được.',
  'import.pdf-password':
    'Tệp PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu (in ra PDF mới hoặc mở khóa) rồi nhập lại.',
  'import.pdf-damaged':
    'Tệp PDF bị hỏng hoặc không trọn vẹn (có thể tải về hay sao chép chưa xong).',
  'import.pdf-too-many-pages': 'Tệp PDF có {pages} trang; giới hạn là {limit} trang cho một bài.',
  'import.pdf-no-text':
    'Không đọc được chữ nào trong tệp PDF: các trang không có lớp chữ cũng không có ảnh quét.',
  'import.ocr-no-text': 'Nhận dạng chữ (OCR) không tìm thấy chữ nào trong ảnh quét.',
  'import.ocr-off':
    'Tệp chỉ có trang quét, cần nhận dạng chữ (OCR), nhưng OCR đang tắt (ARCHIVE_READER_OCR=0) nên chưa đọc được chữ nào.',
  'import.image-too-large':
    'Ảnh quá lớn ({width} × {height} điểm ảnh); giới hạn là {limit} triệu điểm ảnh, hãy quét lại ở độ phân giải thấp hơn (300 dpi là đủ).',
  'import.image-damaged': 'Tệp ảnh bị hỏng hoặc không trọn vẹn.',
  'import.cancelled': 'Đã hủy việc nhập tệp này.',
  'import.cancelled-summary':
    'Đã hủy nhập; giữ lại {imported} bài đã nhập ({duplicates} bài trùng, {failed} lỗi).',
  'import.office-encrypted':
    'Tệp được bảo vệ bằng mật khẩu nên không đọc được; hãy mở tệp bằng Word hoặc LibreOffice, bỏ mật khẩu, lưu lại rồi nhập lại.',
  'import.office-damaged': 'Tệp {kind} bị hỏng: phần {part} bị thiếu hoặc không đọc được.',
  'import.ole-damaged': 'Tệp {kind} bị hỏng: không đọc được cấu trúc bên trong của tệp.',
  'import.zip-damaged':
    'Tệp nén ZIP (có thể là tệp Word hay OpenDocument) bị hỏng hoặc không trọn vẹn, nên không mở được.',
  'import.zip-bomb':
    'Tệp {kind} chỉ nặng {packed} nhưng sẽ bung ra thành {size}, vượt giới hạn an toàn: có thể là “bom nén” giả dạng văn bản, nên không mở.',
  'import.zip-too-many-entries':
    'Tệp {kind} chứa {count} phần, nhiều hơn giới hạn {limit} của một văn bản, nên không mở.',
  'import.office-too-big':
    'Phần {part} của tệp {kind} bung ra tới {size}, quá giới hạn {limit} mà ứng dụng đọc được cho một văn bản.',
  'article.not-found': 'Không tìm thấy bài viết có mã {id}.',
  'annotation.not-found': 'Không tìm thấy ghi chú có mã {id}.',
  'annotation.quote-not-found': 'Không tìm thấy đoạn “{quote}” trong bài viết.',
  'annotation.bad-range': 'Vùng chọn không nằm trong nội dung bài viết.',
  'annotation.export-scope':
    'Hãy chọn xuất ghi chú của một bài viết hoặc của một bộ sưu tập, không chọn cả hai.',
  'annotation.no-collection': 'Kho không có bộ sưu tập “{name}”.',
  'w3c.not-json': 'Tệp chú thích không phải JSON hợp lệ, nên không nhập được gì.',
  'w3c.not-annotations':
    'Tệp không chứa chú thích W3C Web Annotation (cần một AnnotationCollection, AnnotationPage hoặc Annotation); không nhập gì.',
  'w3c.remote-pages':
    'Bộ chú thích chỉ trỏ tới các trang nằm ở nơi khác ({uri}) thay vì chứa chú thích ngay trong tệp; không nhập gì.',
  'w3c.bad-item':
    'Chú thích thứ {index} trong tệp có trường “{field}” sai kiểu hoặc thiếu; không nhập gì.',
  'w3c.unsupported-motivation':
    'Chú thích {id} có mục đích “{motivation}”, ứng dụng chỉ nhận tô sáng, ghi chú, đánh dấu và gắn thẻ.',
  'w3c.many-targets': 'Chú thích {id} chỉ vào nhiều nơi; ứng dụng chỉ nhận chú thích cho một bài.',
  'w3c.unknown-target': 'Chú thích {id} không chỉ vào bài viết nào có thể nhận ra.',
  'w3c.passage-tag': 'Chú thích {id} gắn thẻ cho một đoạn văn; thẻ chỉ gắn được cho cả bài.',
  'w3c.no-quote':
    'Chú thích {id} không có đoạn trích (TextQuoteSelector) hay vị trí hợp lệ để gắn vào bài.',
  'query.invalid': 'Câu truy vấn không hợp lệ.',
  'api.invalid-input': 'Dữ liệu gửi lên không hợp lệ: {detail}',
  'api.unknown-method': 'Không có chức năng {method}.',
  'api.read-only': 'Kho lưu trữ đang ở chế độ chỉ đọc.',
  'api.forbidden': 'Yêu cầu bị từ chối.',
  'api.too-large': 'Yêu cầu quá lớn (hơn {limit}).',
  'api.bad-json': 'Nội dung yêu cầu không phải JSON hợp lệ.',
  'api.not-json': 'Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).',
  'api.wrong-http-method': 'Địa chỉ này chỉ nhận yêu cầu {expected}.',
  'cli.bad-date': 'Ngày “{value}” không hợp lệ; hãy dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY.',
  'cli.bad-number': 'Giá trị “{value}” của {option} phải là số nguyên không âm.',
  'cli.missing-file': 'Không đọc được tệp {file}.',
  'cli.cannot-write': 'Không ghi được tệp {file} ({reason}).',
  'bundle.not-bundle': 'Tệp {file} không phải là gói lưu trữ Archive Reader.',
  'bundle.cannot-read': 'Không đọc được gói lưu trữ {file}: {reason}',
  'bundle.damaged':
    'Gói lưu trữ {file} bị hỏng hoặc bị cắt cụt (tệp nén không đọc được đến hết); không có gì được nhập.',
  'bundle.truncated':
    'Gói lưu trữ {file} bị cắt cụt: thiếu phần kết thúc sau dòng {line}; không có gì được nhập.',
  'bundle.bad-record': 'Gói lưu trữ {file} hỏng ở dòng {line}: {reason}; không có gì được nhập.',
  'bundle.count-mismatch':
    'Gói lưu trữ {file} không khớp với bản kê khai ({what}: kê khai {expected}, thực có {found}); không có gì được nhập.',
  'bundle.newer-version':
    'Gói lưu trữ {file} được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {found}, ứng dụng này hiểu đến {known}); hãy cập nhật ứng dụng.',
  'bundle.hash-mismatch':
    'Bài “{title}” ({id}) bị từ chối: nội dung không khớp với mã băm trong bản kê khai (đã bị sửa hoặc bị hỏng).',
  'bundle.not-listed': 'Bài “{title}” ({id}) bị từ chối: bài không có trong bản kê khai.',
  'bundle.nothing-selected': 'Không có bài nào phù hợp với lựa chọn này, nên không có gì để xuất.',
  'bundle.no-collection': 'Kho không có bộ sưu tập “{name}”.',
  'bundle.write-failed': 'Không ghi được gói lưu trữ {file}: {reason}',
  'bundle.too-large':
    'Gói lưu trữ ({size}) quá lớn để tải qua trình duyệt (giới hạn {limit}); hãy chọn một bộ sưu tập, hoặc dùng ứng dụng trên máy tính hay lệnh archive-reader bundle export.',
  'inbox.not-folder':
    'Không dùng được thư mục nhận {dir}: thư mục không tồn tại hoặc không phải là thư mục.',
  'inbox.nothing-imported': 'Không nhập được bài nào từ tệp: {reason}',
  'inbox.cancelled':
    'Việc nhập tệp đã bị hủy; giữ lại {imported} bài đã nhập, hãy thả tệp vào lại để nhập nốt.',
  'inbox.archive-folder':
    'Không dùng được {dir} làm thư mục nhận: đó là thư mục chứa chính kho lưu trữ; hãy chọn một thư mục riêng.',
  // Original files and renaming (store/originals.ts).
  'original.not-kept':
    'Kho lưu trữ không giữ tệp gốc của bài này (bài được nhập từ dữ liệu văn bản, hoặc việc giữ tệp gốc đã bị tắt).',
  'article.empty-title': 'Tiêu đề không được để trống.',
  'api.reader-restarted':
    'Bộ máy tìm kiếm bị dừng đột ngột khi đang trả lời yêu cầu này và đã được khởi động lại; hãy thử lại.',
  'api.cancelled': 'Yêu cầu đã bị hủy trước khi có kết quả.',
  'bundle.original-mismatch':
    'Bài “{title}” ({id}) bị từ chối: tệp gốc {name} đi kèm không khớp với mã băm của nó (đã bị thay đổi hoặc hỏng).',
} as const;

export type MessageCode = keyof typeof vi;

const en: Record<MessageCode, string> = {
  internal: 'Something unexpected went wrong: {detail}',
  'db.newer-schema':
    'The archive {file} was made by a newer version of the app (schema {found}, this app knows up to {known}); please update the app. The file was not changed.',
  'db.not-archive': 'The file {file} is not an Archive Reader archive or is damaged.',
  'db.cannot-open': 'Could not open the archive {file}: {reason}',
  'db.read-only': 'Cannot write to the archive {file}: the folder or file is read-only.',
  'db.disk-full':
    'The disk is full, so the archive could not be written; the existing data is intact.',
  'db.damaged': 'The archive {file} is damaged, and there is no automatic backup to restore yet.',
  'db.damaged-backup':
    'The archive {file} is damaged; the newest automatic backup, made {when}, can be restored.',
  'db.in-use': 'The archive {file} is open in another program; close that program and try again.',
  'db.damaged-read':
    'A part of the archive just read is damaged; restore the newest automatic backup (the backups folder beside the archive).',
  'backup.none': 'There is no backup of the archive {file} yet.',
  'backup.unsound': 'The file {file} is not a sound backup of an archive; nothing was restored.',
  'cli.restore-hint': 'To restore the backup {backup}, run: {command}',
  'import.not-found': 'No file or folder at {path}.',
  'import.empty': 'The file is empty.',
  'import.binary': 'A binary file ({kind}), not text or an article.',
  'import.undecodable': 'Could not read the text: the file is not valid UTF-8 or UTF-16.',
  'import.unknown-format': 'No article format recognised in the file.',
  'import.bad-gzip': 'The gzip file is damaged or incomplete.',
  'import.bad-json': 'Invalid JSON at line {line}: {reason}',
  'import.bad-record': 'The record at line {line} has no title or body.',
  'import.no-title': 'No article title found.',
  'import.no-body': 'No article body found.',
  'import.too-large': 'The file is too large ({size}); the limit is {limit}.',
  'import.symlink-loop': 'Skipped a symbolic link loop at {path}.',
  'import.not-a-file': 'Skipped {path}: not a regular file or folder.',
  'import.nul-bytes':
    'The file contains NUL bytes, so it is not text: it may be a binary file, or damaged (for example by a power cut while it was being written).',
  'import.too-long':
    'The article is too long ({chars} characters); the limit is {limit} characters per article.',
  'import.html-too-deep':
    'The HTML page is nested too deeply (more than {limit} levels of tags) to be a readable article page.',
  'import.html-too-many-elements':
    'The HTML page has too many tags (more than {limit}) to be a readable article page.',
  'import.pdf-password':
    'The PDF is protected by a password; remove the password (print it to a new PDF or unlock it) and import it again.',
  'import.pdf-damaged':
    'The PDF is damaged or incomplete (perhaps its download or copy did not finish).',
  'import.pdf-too-many-pages':
    'The PDF has {pages} pages; the limit is {limit} pages for one article.',
  'import.pdf-no-text':
    'No text could be read from the PDF: its pages have neither a text layer nor a scanned image.',
  'import.ocr-no-text': 'Text recognition (OCR) found no text in the scanned image.',
  'import.ocr-off':
    'The file has only scanned pages, which need text recognition (OCR), but OCR is turned off (ARCHIVE_READER_OCR=0), so no text was read.',
  'import.image-too-large':
    'The picture is too large ({width} × {height} pixels); the limit is {limit} million pixels, so scan it again at a lower resolution (300 dpi is enough).',
  'import.image-damaged': 'The picture file is damaged or incomplete.',
  'import.cancelled': 'Importing this file was cancelled.',
  'import.cancelled-summary':
    'Import cancelled; kept {imported} articles already imported ({duplicates} duplicates, {failed} failed).',
  'import.office-encrypted':
    'The file is protected with a password, so it cannot be read; open it in Word or LibreOffice, remove the password, save it and import it again.',
  'import.office-damaged': 'The {kind} file is damaged: its part {part} is missing or unreadable.',
  'import.ole-damaged': 'The {kind} file is damaged: its inner structure cannot be read.',
  'import.zip-damaged':
    'The ZIP file (perhaps a Word or OpenDocument file) is damaged or incomplete, so it cannot be opened.',
  'import.zip-bomb':
    'The {kind} file is only {packed} but would unpack to {size}, beyond the safe limit: possibly a “zip bomb” posing as a document, so it was not opened.',
  'import.zip-too-many-entries':
    'The {kind} file holds {count} parts, more than the limit of {limit} for a document, so it was not opened.',
  'import.office-too-big':
    'The part {part} of the {kind} file unpacks to {size}, more than the {limit} the app reads for one document.',
  'article.not-found': 'No article with id {id}.',
  'annotation.not-found': 'No annotation with id {id}.',
  'annotation.quote-not-found': 'The passage “{quote}” is not in the article.',
  'annotation.bad-range': 'The selection is not inside the article text.',
  'annotation.export-scope': 'Export the notes of one article or of one collection, not both.',
  'annotation.no-collection': 'The archive has no collection “{name}”.',
  'w3c.not-json': 'The annotation file is not valid JSON, so nothing was imported.',
  'w3c.not-annotations':
    'The file holds no W3C Web Annotations (an AnnotationCollection, AnnotationPage or Annotation is needed); nothing was imported.',
  'w3c.remote-pages':
    'The annotation collection only points to pages elsewhere ({uri}) instead of holding its annotations; nothing was imported.',
  'w3c.bad-item':
    'Annotation number {index} in the file has a missing or wrongly typed “{field}”; nothing was imported.',
  'w3c.unsupported-motivation':
    'The annotation {id} has the motivation “{motivation}”; only highlighting, commenting, bookmarking and tagging are taken.',
  'w3c.many-targets':
    'The annotation {id} points to several targets; only annotations of one article are taken.',
  'w3c.unknown-target': 'The annotation {id} does not point to any recognisable article.',
  'w3c.passage-tag':
    'The annotation {id} tags a passage; tags can only be given to a whole article.',
  'w3c.no-quote':
    'The annotation {id} has no quote (TextQuoteSelector) or usable position to attach it to the article.',
  'query.invalid': 'The query is not valid.',
  'api.invalid-input': 'The request is not valid: {detail}',
  'api.unknown-method': 'There is no function {method}.',
  'api.read-only': 'The archive is open read-only.',
  'api.forbidden': 'The request was refused.',
  'api.too-large': 'The request is too large (more than {limit}).',
  'api.bad-json': 'The request body is not valid JSON.',
  'api.not-json': 'The request must send JSON (Content-Type: application/json).',
  'api.wrong-http-method': 'This address only accepts {expected} requests.',
  'cli.bad-date': 'The date “{value}” is not valid; use YYYY-MM-DD or DD/MM/YYYY.',
  'cli.bad-number': 'The value “{value}” of {option} must be a whole number, zero or more.',
  'cli.missing-file': 'Could not read the file {file}.',
  'cli.cannot-write': 'Could not write the file {file} ({reason}).',
  'bundle.not-bundle': 'The file {file} is not an Archive Reader bundle.',
  'bundle.cannot-read': 'Could not read the bundle {file}: {reason}',
  'bundle.damaged':
    'The bundle {file} is damaged or truncated (the compressed file does not read to its end); nothing was imported.',
  'bundle.truncated':
    'The bundle {file} is truncated: its closing record is missing after line {line}; nothing was imported.',
  'bundle.bad-record':
    'The bundle {file} is damaged at line {line}: {reason}; nothing was imported.',
  'bundle.count-mismatch':
    'The bundle {file} does not match its manifest ({what}: {expected} listed, {found} present); nothing was imported.',
  'bundle.newer-version':
    'The bundle {file} was made by a newer version of the app (format {found}, this app knows up to {known}); please update the app.',
  'bundle.hash-mismatch':
    'The article “{title}” ({id}) was refused: its text does not match the hash in the manifest (changed or damaged).',
  'bundle.not-listed':
    'The article “{title}” ({id}) was refused: it is not listed in the manifest.',
  'bundle.nothing-selected': 'No article matches this selection, so there is nothing to export.',
  'bundle.no-collection': 'The archive has no collection “{name}”.',
  'bundle.write-failed': 'Could not write the bundle {file}: {reason}',
  'bundle.too-large':
    'The bundle ({size}) is too large to download through the browser (limit {limit}); choose a collection, or use the desktop app or the command archive-reader bundle export.',
  'inbox.not-folder': 'Cannot use the inbox folder {dir}: it does not exist or is not a folder.',
  'inbox.nothing-imported': 'Nothing could be imported from the file: {reason}',
  'inbox.cancelled':
    'Importing the file was cancelled; {imported} articles already imported were kept, drop the file in again to import the rest.',
  'inbox.archive-folder':
    'Cannot use {dir} as the inbox: it is the folder of the archive itself; choose a folder of its own.',
  // Original files and renaming (store/originals.ts).
  'original.not-kept':
    'The archive keeps no original file for this article (it was imported from text data, or keeping originals was turned off).',
  'article.empty-title': 'The title cannot be empty.',
  'api.reader-restarted':
    'The search engine stopped unexpectedly while answering this request and has been restarted; please try again.',
  'api.cancelled': 'The request was cancelled before it was answered.',
  'bundle.original-mismatch':
    'The article “{title}” ({id}) was refused: its original file {name} does not match its hash (changed or damaged).',
};

export const messages: Record<Locale, Record<MessageCode, string>> = { vi, en };
