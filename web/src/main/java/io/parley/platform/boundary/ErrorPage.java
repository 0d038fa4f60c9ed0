package io.parley.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet container's error page (see web.xml): errors outside JAX-RS, such as an unknown path,
 * are answered as {@code application/problem+json} too, never with the server's HTML page or a stack trace.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        String detail = status == 404 ? "Nothing is here." : status >= 500
                ? "The server failed to answer; its log has the details." : "The request cannot be answered.";
        Problem.of(status, detail).send(response);
    }
}
