# The Debian package (`cpack -G DEB` in the Release build; scripts/package): the binary in
# /usr/bin, the web client and the shipped templates under /usr/share/journeyboard, the
# configuration in /etc/journeyboard (a conffile), the systemd unit, and the dependencies that
# dpkg-shlibdeps computes from the binary. Build with -DJB_FHS_DEFAULTS=ON so that the binary's
# own defaults are these installed paths.
include(GNUInstallDirs)

install(TARGETS journeyboard RUNTIME DESTINATION bin)
# web/dist must be built first (npm run build; scripts/package does it).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION share/journeyboard/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION share/journeyboard/templates
  FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/docs/operations.md ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION share/doc/journeyboard)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/debian/journeyboard.conf DESTINATION /etc/journeyboard)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/debian/journeyboard.service DESTINATION /lib/systemd/system)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME journeyboard)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "real-time customer-journey workshop board")
set(CPACK_PACKAGE_DESCRIPTION "Journeyboard is a self-hosted board for customer-journey workshops:\n participants join with a code, add cards, vote and rank, and the facilitator exports\n the results. One process serves the web client, the API and the WebSockets; SQLite\n keeps the data.")
set(CPACK_PACKAGE_CONTACT "Journeyboard maintainers <journeyboard@localhost>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # journeyboard_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Debian ships binaries stripped; a RelWithDebInfo package (the test suite's) would be 40 MB.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")  # --time-zone reads /usr/share/zoneinfo
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/deploy/debian/conffiles
  ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
  ${PROJECT_SOURCE_DIR}/deploy/debian/prerm
  ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
