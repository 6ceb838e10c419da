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
  'article.not-found': 'Không tìm thấy bài viết có mã {id}.',
  'annotation.not-found': 'Không tìm thấy ghi chú có mã {id}.',
  'annotation.quote-not-found': 'Không tìm thấy đoạn “{quote}” trong bài viết.',
  'annotation.bad-range': 'Vùng chọn không nằm trong nội dung bài viết.',
  'query.invalid': 'Câu truy vấn không hợp lệ.',
  'api.invalid-input': 'Dữ liệu gửi lên không hợp lệ: {detail}',
  'api.unknown-method': 'Không có chức năng {method}.',
  'api.read-only': 'Kho lưu trữ đang ở chế độ chỉ đọc.',
  'api.forbidden': 'Yêu cầu bị từ chối.',
  'cli.bad-date': 'Ngày “{value}” không hợp lệ; hãy dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY.',
  'cli.bad-number': 'Giá trị “{value}” của {option} phải là số nguyên không âm.',
  'cli.missing-file': 'Không đọc được tệp {file}.',
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
  'article.not-found': 'No article with id {id}.',
  'annotation.not-found': 'No annotation with id {id}.',
  'annotation.quote-not-found': 'The passage “{quote}” is not in the article.',
  'annotation.bad-range': 'The selection is not inside the article text.',
  'query.invalid': 'The query is not valid.',
  'api.invalid-input': 'The request is not valid: {detail}',
  'api.unknown-method': 'There is no function {method}.',
  'api.read-only': 'The archive is open read-only.',
  'api.forbidden': 'The request was refused.',
  'cli.bad-date': 'The date “{value}” is not valid; use YYYY-MM-DD or DD/MM/YYYY.',
  'cli.bad-number': 'The value “{value}” of {option} must be a whole number, zero or more.',
  'cli.missing-file': 'Could not read the file {file}.',
};

export const messages: Record<Locale, Record<MessageCode, string>> = { vi, en };
